package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/jobs/activation}.
 *
 * @param timeout the activation lease in ms
 * @param fetchVariable names of the variables to return; null or empty means all
 * @param requestTimeout long-poll time in ms: null or 0 the server default, negative no waiting
 * @param tenantIds the tenants to poll, checked with the caller's ({@code TenantAccess})
 */
public record JobActivationRequest(
    String type,
    String worker,
    Long timeout,
    Integer maxJobsToActivate,
    List<String> fetchVariable,
    Long requestTimeout,
    List<String> tenantIds,
    TenantFilter tenantFilter)
    implements Validatable {

  @Override
  public void validate() {
    Violations violations =
        new Violations()
            .required("type", type)
            .required("timeout", timeout)
            .positive("timeout", timeout)
            .required("maxJobsToActivate", maxJobsToActivate)
            .positive("maxJobsToActivate", maxJobsToActivate);
    violations.throwIfAny();
  }

  /** The variable names to fetch; empty means all. */
  public List<String> fetchVariableOrAll() {
    return fetchVariable == null ? List.of() : fetchVariable;
  }

  /** The worker name recorded on the job; the Java client's default when absent. */
  public String workerOrDefault() {
    return worker == null ? "default" : worker;
  }
}
