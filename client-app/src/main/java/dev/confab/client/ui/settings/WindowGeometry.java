package dev.confab.client.ui.settings;

/**
 * Where the main window was and how big, to open it there again. Immutable.
 *
 * @param x         the left edge, in screen coordinates (may be negative on a multi-screen desktop)
 * @param y         the top edge
 * @param width     positive
 * @param height    positive
 * @param maximized whether it was maximized (the other values then are its size before)
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public WindowGeometry {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("A window position must be a finite number: " + x + ", " + y);
        }
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("A window size must be positive: " + width + " x " + height);
        }
    }
}
