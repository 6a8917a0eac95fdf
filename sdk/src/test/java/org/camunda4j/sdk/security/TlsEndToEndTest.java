package org.camunda4j.sdk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineTls;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaTransportException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine serving HTTPS with a certificate of a private CA, and requiring client certificates
 * (mutual TLS); the SDK trusting that CA and presenting its certificate, configured as the other
 * Camunda SDKs are ({@code CAMUNDA_MTLS_*}), or as the official Java client is
 * ({@code CAMUNDA_CA_CERTIFICATE_PATH}).
 */
class TlsEndToEndTest {

  @TempDir
  static Path files;

  private static TestCertificates certificates;
  private static TestCertificates.Pem server;

  @BeforeAll
  static void makeCertificates() {
    certificates = new TestCertificates(files, "test-ca");
    server = certificates.server("engine");
  }

  @Test
  void aClientTrustingTheCaTalksHttps() {
    try (Engine engine = Engine.start(EngineConfig.builder().tls(EngineTls.of(server.certificate(), server.key())).build());
        CamundaClient client = client(engine, Map.of("CAMUNDA_MTLS_CA_PATH", certificates.ca().toString()))) {
      assertThat(engine.restAddress().getScheme()).isEqualTo("https");

      assertThat(client.topology().brokers()).hasSize(1);
    }
  }

  @Test
  void theOfficialClientsVariableNameWorksToo() {
    try (Engine engine = Engine.start(EngineConfig.builder().tls(EngineTls.of(server.certificate(), server.key())).build());
        CamundaClient client = client(engine, Map.of("CAMUNDA_CA_CERTIFICATE_PATH", certificates.ca().toString()))) {
      assertThat(client.topology().brokers()).hasSize(1);
    }
  }

  @Test
  void aClientNotTrustingTheCaFailsTheHandshake() {
    try (Engine engine = Engine.start(EngineConfig.builder().tls(EngineTls.of(server.certificate(), server.key())).build());
        CamundaClient client = client(engine, Map.of())) {
      Throwable failure = catchThrowable(client::topology);

      assertThat(failure).isInstanceOf(CamundaTransportException.class);
      assertThat(failure).rootCause().hasMessageContaining("certification path");
    }
  }

  @Test
  void mutualTlsServesOnlyClientsWithACertificateOfTheClientCa() {
    TestCertificates clientCa = new TestCertificates(files, "client-ca");
    TestCertificates.Pem worker = clientCa.client("worker");
    TestCertificates.Pem stranger = new TestCertificates(files, "other-ca").client("stranger");
    try (Engine engine = Engine.start(EngineConfig.builder()
            .tls(EngineTls.of(server.certificate(), server.key()).withClientCa(clientCa.ca())).build());
        CamundaClient withCertificate = client(engine, Map.of("CAMUNDA_MTLS_CA_PATH", certificates.ca().toString(),
            "CAMUNDA_MTLS_CERT_PATH", worker.certificate().toString(), "CAMUNDA_MTLS_KEY_PATH", worker.key().toString()));
        CamundaClient withoutCertificate = client(engine, Map.of("CAMUNDA_MTLS_CA_PATH", certificates.ca().toString()));
        CamundaClient withForeignCertificate = client(engine, Map.of("CAMUNDA_MTLS_CA_PATH", certificates.ca().toString(),
            "CAMUNDA_MTLS_CERT_PATH", stranger.certificate().toString(), "CAMUNDA_MTLS_KEY_PATH", stranger.key().toString()))) {

      assertThat(withCertificate.topology().brokers()).hasSize(1);
      assertThat(catchThrowable(withoutCertificate::topology)).isInstanceOf(CamundaTransportException.class);
      assertThat(catchThrowable(withForeignCertificate::topology)).isInstanceOf(CamundaTransportException.class);
    }
  }

  private static CamundaClient client(Engine engine, Map<String, String> configuration) {
    Map<String, String> merged = new HashMap<>(configuration);
    merged.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    return CamundaClient.builder().environment(Map.of()).configuration(merged).build();
  }
}
