package dev.confab.server.tls;

import dev.confab.server.config.ConfigException;
import dev.confab.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTPS listener: Jetty's SSL context built from the configured {@link KeyMaterial}, the connector that
 * serves HTTP/1.1 (REST and the WebSocket upgrade) over TLS with it, and the check that reloads the key material
 * when its files change, so a renewed certificate is used for new connections without a restart. Thread-safe:
 * {@link #reloadIfChanged()} runs on a background thread while Jetty makes connections from the context.
 */
public final class TlsListener {
    private static final Logger LOG = LoggerFactory.getLogger(TlsListener.class);

    private final ServerConfig.Tls config;
    private final SslContextFactory.Server sslContext = new SslContextFactory.Server();
    private List<FileStamp> loadedFrom;
    private X509Certificate certificate;

    /** What a file looked like when it was read: where its link pointed, when it was written, its size. */
    private record FileStamp(Path target, FileTime modified, long size) {}

    private TlsListener(ServerConfig.Tls config, List<FileStamp> loadedFrom, KeyMaterial material) {
        this.config = config;
        this.loadedFrom = loadedFrom;
        this.certificate = material.certificate();
        sslContext.setKeyStore(material.keyStore());
        sslContext.setKeyStorePassword(KeyMaterial.password());
    }

    /** Reads and checks the key material; throws {@link ConfigException} when the files cannot be used. */
    public static TlsListener open(ServerConfig.Tls config) {
        List<FileStamp> stamps = stamps(config.files().paths());
        return new TlsListener(config, stamps, KeyMaterial.load(config.files()));
    }

    /** A connector for HTTPS and WSS on {@code host:port}, for Javalin's {@code jetty.addConnector}. */
    public Connector connector(Server server, HttpConfiguration http, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(sslContext, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** How often {@link #reloadIfChanged()} should run. */
    public Duration reloadCheck() {
        return config.reloadCheck();
    }

    /** The certificate new connections are served. */
    public synchronized X509Certificate certificate() {
        return certificate;
    }

    /**
     * Reads the files again when any changed since they were last read, and serves the new key material to new
     * connections. Files that cannot be used (certbot may be half-way through writing them) keep the current
     * material, with a warning, until they change again.
     */
    public synchronized void reloadIfChanged() {
        List<FileStamp> stamps = stamps(config.files().paths());
        if (stamps.equals(loadedFrom)) {
            return;
        }
        loadedFrom = stamps;
        try {
            KeyMaterial material = KeyMaterial.load(config.files());
            sslContext.reload(context -> context.setKeyStore(material.keyStore()));
            certificate = material.certificate();
            LOG.info("Reloaded the TLS certificate: {}", describe(certificate));
        } catch (ConfigException e) {
            LOG.warn("{}; still serving the previous certificate", e.getMessage());
        } catch (Exception e) {
            LOG.warn("Could not reload the TLS certificate; still serving the previous one", e);
        }
    }

    /** The certificate's subject and end of validity, for the log. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + ", valid until " + certificate.getNotAfter().toInstant();
    }

    private static List<FileStamp> stamps(List<Path> paths) {
        return paths.stream().map(path -> {
            try {
                return new FileStamp(path.toRealPath(), Files.getLastModifiedTime(path), Files.size(path));
            } catch (IOException e) {
                return new FileStamp(path, null, -1);
            }
        }).toList();
    }
}
