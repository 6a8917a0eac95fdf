package org.camunda4j.sdk.internal.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.internal.config.ClientConfiguration.TlsSettings;

/**
 * The {@link SSLContext} of a client with {@link TlsSettings}: the JDK's trusted CAs plus the
 * configured ones, and the client certificate for mutual TLS. PEM is read with the JDK alone; the
 * key must be unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC.
 */
public final class ClientTls {

  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private ClientTls() {}

  public static SSLContext sslContext(TlsSettings settings) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          settings.certificatePem().isPresent() ? keyManagers(settings) : null,
          settings.caPem().isPresent() ? trustManagers(settings.caPem().get()) : null,
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new CamundaConfigurationException("CAMUNDA_MTLS_*", "cannot set up TLS: " + e.getMessage());
    }
  }

  /** The configured CAs and the JDK's default ones: a custom CA adds trust, it does not replace it. */
  private static javax.net.ssl.TrustManager[] trustManagers(String caPem) throws GeneralSecurityException {
    KeyStore store = emptyStore();
    List<X509Certificate> cas = certificates(caPem, "CAMUNDA_MTLS_CA_PATH");
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("camunda-ca-" + i, cas.get(i));
    }
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    for (javax.net.ssl.TrustManager manager : defaults.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        for (X509Certificate certificate : x509.getAcceptedIssuers()) {
          store.setCertificateEntry("jdk-" + store.size(), certificate);
        }
      }
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static javax.net.ssl.KeyManager[] keyManagers(TlsSettings settings) throws GeneralSecurityException {
    List<X509Certificate> chain = certificates(settings.certificatePem().orElseThrow(), "CAMUNDA_MTLS_CERT_PATH");
    PrivateKey key = privateKey(settings.keyPem().orElseThrow());
    KeyStore store = emptyStore();
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static List<X509Certificate> certificates(String pem, String key) {
    try {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> certificates = new ArrayList<>();
      read.forEach(certificate -> certificates.add((X509Certificate) certificate));
      if (certificates.isEmpty()) {
        throw new CamundaConfigurationException(key, "holds no PEM certificate ('BEGIN CERTIFICATE')");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new CamundaConfigurationException(key, "is not a PEM certificate: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String pem) {
    Matcher matcher = PRIVATE_KEY.matcher(pem);
    if (!matcher.find()) {
      throw new CamundaConfigurationException("CAMUNDA_MTLS_KEY_PATH",
          "must be an unencrypted PKCS#8 PEM key ('BEGIN PRIVATE KEY'); convert others with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new CamundaConfigurationException("CAMUNDA_MTLS_KEY_PATH", "is neither an RSA, EC nor Ed25519 private key");
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    return store;
  }
}
