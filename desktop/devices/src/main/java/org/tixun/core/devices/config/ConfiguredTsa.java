// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.devices.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.devices.DeviceKind;
import org.tixun.core.devices.DeviceUnavailableException;
import org.tixun.core.devices.i18n.DeviceMessages;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.i18n.Message;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.store.Settings;

/**
 * The time-stamp authority chosen in Settings, ready to stamp: the institution's own (an {@link EmbeddedTsa} on
 * loopback with the institution's TSA key, tokens checked against the institution root) or an external RFC 3161
 * authority at {@link DeviceSettings#TSA_URL}, whose tokens must chain to {@link DeviceSettings#TSA_TRUST_ANCHOR}.
 * Close it after sealing (it stops the embedded server).
 */
public final class ConfiguredTsa implements AutoCloseable {
    /** Time allowed for one request. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredTsa.class);

    /** Which kind of authority stamps the record. */
    public enum Kind {
        /** The institution's own TSA (its key under the institution CA). */
        INSTITUTION,
        /** An external RFC 3161 TSA with its own trust anchor. */
        EXTERNAL
    }

    private final Kind kind;
    private final Rfc3161Client client;
    private final EmbeddedTsa embedded;

    private ConfiguredTsa(Kind kind, Rfc3161Client client, EmbeddedTsa embedded) {
        this.kind = kind;
        this.client = client;
        this.embedded = embedded;
    }

    /**
     * The configured authority.
     *
     * @param keys the institution's keys (for its own TSA)
     * @throws DeviceUnavailableException the external TSA's URL or trust anchor is missing or invalid, or the
     *     institution's TSA cannot start
     */
    public static ConfiguredTsa open(Settings settings, InstitutionKeyStore keys) {
        String mode = DeviceSettings.get(settings, DeviceSettings.TSA_MODE).toLowerCase(Locale.ROOT);
        if (mode.isEmpty() || mode.equals(DeviceSettings.TSA_INSTITUTION)) {
            return institution(keys);
        }
        if (!mode.equals(DeviceSettings.TSA_EXTERNAL)) {
            throw problem("", DeviceMessages.of("timestamp.modeNotUnderstood", mode));
        }
        return external(DeviceSettings.get(settings, DeviceSettings.TSA_URL),
                DeviceSettings.get(settings, DeviceSettings.TSA_TRUST_ANCHOR));
    }

    /** The institution's own TSA on loopback. */
    public static ConfiguredTsa institution(InstitutionKeyStore keys) {
        EmbeddedTsa tsa = new EmbeddedTsa(keys.tsaCredential());
        try {
            String url = tsa.start(0);
            return new ConfiguredTsa(Kind.INSTITUTION, new Rfc3161Client(url, TIMEOUT, keys.rootCertificate()), tsa);
        } catch (IOException | RuntimeException e) {
            tsa.close();
            throw new DeviceUnavailableException(DeviceKind.TIME_STAMP, "institution",
                    DeviceMessages.of("timestamp.institutionCannotStart", e),
                    DeviceMessages.of("timestamp.remedy.checkKeys"), e);
        }
    }

    /**
     * An external RFC 3161 TSA.
     *
     * @param url http(s) URL
     * @param trustAnchorPem the TSA's root or issuing CA certificate, PEM
     */
    public static ConfiguredTsa external(String url, String trustAnchorPem) {
        if (url.isBlank()) {
            throw problem("", DeviceMessages.of("timestamp.noUrl"));
        }
        try {
            URI u = URI.create(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("http", "https").contains(scheme) || u.getHost() == null) {
                throw problem(url, DeviceMessages.of("timestamp.urlNotHttp", url));
            }
        } catch (IllegalArgumentException e) {
            throw problem(url, DeviceMessages.of("timestamp.urlInvalid", url));
        }
        X509Certificate anchor = parseAnchor(url, trustAnchorPem);
        LOG.info("external TSA {} with trust anchor {}", url, anchor.getSubjectX500Principal().getName());
        return new ConfiguredTsa(Kind.EXTERNAL, new Rfc3161Client(url, TIMEOUT, anchor), null);
    }

    /**
     * Reads a trust anchor certificate from PEM.
     *
     * @throws DeviceUnavailableException if it is missing or not an X.509 certificate
     */
    public static X509Certificate parseAnchor(String url, String pem) {
        if (pem == null || pem.isBlank()) {
            throw problem(url, DeviceMessages.of("timestamp.noAnchor"));
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw problem(url, DeviceMessages.of("timestamp.badAnchor", e));
        }
    }

    private static DeviceUnavailableException problem(String url, Message problem) {
        return new DeviceUnavailableException(DeviceKind.TIME_STAMP, url, problem,
                DeviceMessages.of("timestamp.remedy.configure"), null);
    }

    /** Which kind of authority this is. */
    public Kind kind() {
        return kind;
    }

    /** The client the sealer uses. */
    public Rfc3161Client client() {
        return client;
    }

    /** For people: which authority, 「中文 (English)」. */
    public String describe() {
        return description().bilingual();
    }

    /** For people: which authority. */
    public Message description() {
        return kind == Kind.INSTITUTION ? DeviceMessages.of("timestamp.institution")
                : DeviceMessages.of("timestamp.external", client.url());
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
