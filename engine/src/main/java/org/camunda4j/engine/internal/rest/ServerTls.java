package org.camunda4j.engine.internal.rest;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import org.camunda4j.engine.EngineTls;

/** Builds the server's TLS context from the PEM files of an {@link EngineTls}. */
public final class ServerTls {

  private ServerTls() {}

  /**
   * @throws IllegalArgumentException naming the file that could not be used
   */
  public static SslContext context(EngineTls tls) {
    try {
      SslContextBuilder builder = SslContextBuilder.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile());
      if (tls.clientCa() != null) {
        builder.trustManager(tls.clientCa().toFile()).clientAuth(ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot use the TLS files (certificate " + tls.certificateChain() + ", key " + tls.privateKey()
              + (tls.clientCa() == null ? "" : ", client CA " + tls.clientCa())
              + "): " + e.getMessage() + ". The key must be an unencrypted PKCS#8 PEM ('BEGIN PRIVATE KEY').", e);
    }
  }
}
