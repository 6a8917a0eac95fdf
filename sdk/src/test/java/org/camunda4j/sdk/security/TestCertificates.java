package org.camunda4j.sdk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA and certificates it signs, made when a test runs and written as PEM files to the
 * test's temporary directory: no key is ever committed.
 */
final class TestCertificates {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /** PEM files of one certificate: the certificate and its unencrypted PKCS#8 key. */
  record Pem(Path certificate, Path key) {}

  private final Path directory;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final Path caFile;

  TestCertificates(Path directory, String caName) {
    this.directory = directory;
    this.caKeys = keyPair();
    X500Name subject = new X500Name("CN=" + caName);
    this.ca = sign(new JcaX509v3CertificateBuilder(subject, serial(), notBefore(), notAfter(), subject, caKeys.getPublic()),
        true, null);
    this.caFile = write(caName + "-ca.pem", pem("CERTIFICATE", encoded(ca)));
  }

  /** The CA certificate, PEM: what a client or server trusts. */
  Path ca() {
    return caFile;
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  Pem server(String name) {
    return issue(name, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
  }

  /** A client certificate for mutual TLS. */
  Pem client(String name) {
    return issue(name, null);
  }

  private Pem issue(String name, GeneralNames subjectAlternativeNames) {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        ca, serial(), notBefore(), notAfter(), new X500Name("CN=" + name), keys.getPublic());
    X509Certificate certificate = sign(builder, false, subjectAlternativeNames);
    return new Pem(
        write(name + ".pem", pem("CERTIFICATE", encoded(certificate))),
        write(name + "-key.pem", pem("PRIVATE KEY", keys.getPrivate().getEncoded())));
  }

  private X509Certificate sign(X509v3CertificateBuilder builder, boolean isCa, GeneralNames subjectAlternativeNames) {
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      builder.addExtension(Extension.keyUsage, true, isCa
          ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
          : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (subjectAlternativeNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames);
      }
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
  }
}
