package dev.confab.client.ui.shots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a JavaFX image as a PNG file (through java.awt's image classes, headless), and reads facts back. */
final class Png {
    private Png() {}

    static void write(Image image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("No PNG writer in this JDK");
        }
    }

    /** The mean luminance (0-255) and the number of distinct colours of a PNG file. */
    record Facts(double meanLuma, int colours, int width, int height) {}

    static Facts facts(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                sum += 0.299 * (rgb >> 16) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            }
        }
        return new Facts(sum / ((double) image.getWidth() * image.getHeight()), colours.size(), image.getWidth(),
                image.getHeight());
    }
}
