package org.camunda4j.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the REST server, from PEM files.
 *
 * @param certificateChain the server certificate (then its intermediates), PEM
 * @param privateKey the server key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 * @param clientCa if not null, clients must present a certificate signed by one of these CAs (mTLS)
 */
public record EngineTls(Path certificateChain, Path privateKey, @Nullable Path clientCa) {

  public EngineTls {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
    requireReadable(certificateChain, "--tls-cert");
    requireReadable(privateKey, "--tls-key");
    if (clientCa != null) {
      requireReadable(clientCa, "--tls-client-ca");
    }
  }

  public static EngineTls of(Path certificateChain, Path privateKey) {
    return new EngineTls(certificateChain, privateKey, null);
  }

  /** Requires clients to present a certificate signed by one of the CAs in this PEM file. */
  public EngineTls withClientCa(Path clientCa) {
    return new EngineTls(certificateChain, privateKey, clientCa);
  }

  private static void requireReadable(Path file, String option) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(option + ": cannot read " + file.toAbsolutePath());
    }
  }
}
