// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared cryptographic primitives: the BouncyCastle provider, EC P-256 key pairs and SHA-256. */
public final class Pki {
    /** Loaded on first use only: building a BouncyCastleProvider costs hundreds of ms, and verification needs none. */
    private static final class Holder {
        private static final Provider BC;

        static {
            Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            if (existing == null) {
                // Share iText's instance, when iText is on the class path (the evidence module), rather than
                // building a second one; pki itself does not depend on iText.
                Provider itext = itextProvider();
                existing = itext instanceof BouncyCastleProvider ? itext : new BouncyCastleProvider();
                Security.addProvider(existing);
            }
            BC = existing;
        }

        private static Provider itextProvider() {
            try {
                Class<?> creator = Class.forName("com.itextpdf.bouncycastleconnector.BouncyCastleFactoryCreator");
                Object factory = creator.getMethod("getFactory").invoke(null);
                return (Provider) factory.getClass().getMethod("getProvider").invoke(factory);
            } catch (ClassNotFoundException e) {
                return null;
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("iText's BouncyCastle factory could not be read", e);
            }
        }
    }

    private Pki() {
    }

    /** The registered BouncyCastle provider. */
    public static Provider provider() {
        return Holder.BC;
    }

    /** Generates an EC P-256 key pair (about 0.2 ms; RSA is never used on the signing path). */
    public static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JVM", e);
        }
    }

    /** SHA-256 of the given bytes. */
    public static byte[] sha256(byte[] data) {
        return sha256Digest().digest(data);
    }

    /** SHA-256 of a slice of the given bytes. */
    public static byte[] sha256(byte[] data, int offset, int length) {
        MessageDigest digest = sha256Digest();
        digest.update(data, offset, length);
        return digest.digest();
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** Lower-case hex of the bytes. */
    public static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** SHA-256 as lower-case hex. */
    public static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }
}
