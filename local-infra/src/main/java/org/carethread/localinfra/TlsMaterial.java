package org.carethread.localinfra;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority and one certificate it signed for {@code localhost} and {@code 127.0.0.1}, valid
 * for both ends of a connection (server and client), written as PEM files the way an operator would hand them to
 * CareThread's {@code tls} profile, PostgreSQL and Kafka.
 */
public final class TlsMaterial {
    private final Path directory;

    private TlsMaterial(Path directory) {
        this.directory = directory;
    }

    /** New keys and certificates in a new temporary directory (private keys readable by the owner only). */
    public static TlsMaterial create() {
        try {
            Path directory = Files.createTempDirectory("carethread-tls");
            KeyPair caKeys = newKeyPair();
            X509Certificate ca = sign(new X500Name("CN=CareThread test CA"), caKeys, caKeys.getPrivate(),
                    new X500Name("CN=CareThread test CA"), true);
            KeyPair hostKeys = newKeyPair();
            X509Certificate host = sign(new X500Name("CN=localhost"), hostKeys, caKeys.getPrivate(),
                    new X500Name("CN=CareThread test CA"), false);
            TlsMaterial material = new TlsMaterial(directory);
            Files.writeString(material.caCertificate(), pem(ca));
            Files.writeString(material.certificate(), pem(host) + pem(ca));
            writePrivate(material.privateKey(), pem(hostKeys.getPrivate()));
            writePrivate(material.keyAndCertificate(), pem(hostKeys.getPrivate()) + pem(host) + pem(ca));
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test certificates", e);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not make the test certificates", e);
        }
    }

    /** The CA's certificate: what every client trusts. */
    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    /** The host's certificate followed by the CA's. */
    public Path certificate() {
        return directory.resolve("host.pem");
    }

    /** The host's private key (PKCS#8, unencrypted, mode 0600). */
    public Path privateKey() {
        return directory.resolve("host.key");
    }

    /** Key and certificate chain in one file: Kafka's PEM key store. */
    public Path keyAndCertificate() {
        return directory.resolve("host-key-and-chain.pem");
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, PrivateKey issuerKey, X500Name issuer,
            boolean authority) throws GeneralSecurityException, IOException,
            org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object value) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : value);
        }
        return text.toString();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
