/** Who may call the REST API: HTTP Basic users, bearer JWTs, and the built-in token endpoint's issuer. */
package org.camunda4j.engine.internal.auth;
