package org.camunda4j.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaTransportException;
import org.camunda4j.sdk.MessagePublicationRequest;
import org.camunda4j.sdk.Topology;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport as seen through the client: problems, retries, auth headers. */
class HttpTransportTest {

  private final StubServer stub = new StubServer();

  @AfterEach
  void stop() {
    stub.close();
  }

  private CamundaClient client(Map<String, String> extra) {
    Map<String, String> config = new java.util.HashMap<>(extra);
    config.put("CAMUNDA_REST_ADDRESS", stub.address().toString());
    return CamundaClient.builder().environment(Map.of()).configuration(config).build();
  }

  private static final String TOPOLOGY = """
      {"brokers":[{"nodeId":0,"host":"h","port":26501,"partitions":[{"partitionId":1,"role":"leader","health":"healthy"}],
      "version":"8.9.0"}],"clusterSize":1,"partitionsCount":1,"replicationFactor":1,"gatewayVersion":"8.9.0",
      "clusterId":null,"lastCompletedChangeId":"-1"}""";

  @Test
  void aProblemAnswerBecomesATypedExceptionCarryingTheProblem() {
    stub.on("GET", "/v2/process-instances/42").otherwise(StubServer.problem(404, "NOT_FOUND", "no instance 42"));
    try (CamundaClient client = client(Map.of())) {
      assertThatThrownBy(() -> client.getProcessInstance(42)).isInstanceOfSatisfying(CamundaApiException.class, e -> {
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.title()).isEqualTo("NOT_FOUND");
        assertThat(e.detail()).isEqualTo("no instance 42");
        assertThat(e.getMessage()).isEqualTo("GET /v2/process-instances/42 failed with 404 NOT_FOUND: no instance 42");
      });
    }
  }

  @Test
  void readsAreRetriedOnTransientErrors() {
    stub.on("GET", "/v2/topology").thenRespond(StubServer.problem(503, "UNAVAILABLE", "leader change"),
        StubServer.dropConnection()).otherwise(StubServer.json(200, TOPOLOGY));
    try (CamundaClient client = client(Map.of())) {
      Topology topology = client.topology();

      assertThat(topology.brokers()).singleElement().satisfies(b -> assertThat(b.partitions()).hasSize(1));
      assertThat(stub.requests()).hasSize(3);
    }
  }

  @Test
  void aNonIdempotentWriteIsNotRetriedAfterAnAmbiguousFailure() {
    stub.on("POST", "/v2/messages/publication").otherwise(StubServer.problem(502, "ABORTED", "cut"));
    try (CamundaClient client = client(Map.of())) {
      assertThatThrownBy(() -> client.publishMessage(MessagePublicationRequest.of("m", "k")))
          .isInstanceOf(CamundaApiException.class);
      assertThat(stub.requests()).hasSize(1);
    }
  }

  @Test
  void aNonIdempotentWriteIsRetriedWhenTheClusterRejectedItForBackpressure() {
    stub.on("POST", "/v2/messages/publication")
        .thenRespond(StubServer.problem(503, "RESOURCE_EXHAUSTED", "busy"))
        .otherwise(StubServer.json(200, "{\"messageKey\":\"2251799813685300\",\"tenantId\":\"<default>\"}"));
    try (CamundaClient client = client(Map.of())) {
      assertThat(client.publishMessage(MessagePublicationRequest.of("m", "k")).messageKey()).isEqualTo(2251799813685300L);
      assertThat(stub.requests()).hasSize(2);
    }
  }

  @Test
  void aConnectionFailureIsATransportException() {
    StubServer gone = new StubServer();
    String address = gone.address().toString();
    gone.close();
    try (CamundaClient client = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", address)).build()) {
      assertThatThrownBy(client::topology).isInstanceOf(CamundaTransportException.class)
          .hasMessageContaining("GET /v2/topology");
    }
  }

  @Test
  void basicAuthSendsTheHeader() {
    java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    stub.on("GET", "/v2/topology").otherwise(exchange -> {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      StubServer.json(200, TOPOLOGY).respond(exchange);
    });
    try (CamundaClient client = client(Map.of("CAMUNDA_BASIC_AUTH_USERNAME", "demo",
        "CAMUNDA_BASIC_AUTH_PASSWORD", "pw"))) {
      client.topology();
    }

    assertThat(authorizations).containsExactly("Basic ZGVtbzpwdw==");
  }

  @Test
  void withOAuthA401FetchesAFreshTokenAndRetriesOnce() {
    java.util.concurrent.atomic.AtomicInteger tokens = new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    stub.on("POST", "/oauth/token").otherwise(exchange -> StubServer.json(200,
        "{\"access_token\":\"t" + tokens.incrementAndGet() + "\",\"expires_in\":3600}").respond(exchange));
    stub.on("GET", "/v2/topology").otherwise(exchange -> {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(header);
      if ("Bearer t1".equals(header)) {
        StubServer.problem(401, "UNAUTHORIZED", "token revoked").respond(exchange);
      } else {
        StubServer.json(200, TOPOLOGY).respond(exchange);
      }
    });
    try (CamundaClient client = client(Map.of("CAMUNDA_CLIENT_ID", "id", "CAMUNDA_CLIENT_SECRET", "secret",
        "CAMUNDA_OAUTH_URL", stub.address() + "/oauth/token"))) {
      client.topology();
    }

    assertThat(authorizations).containsExactly("Bearer t1", "Bearer t2");
  }
}
