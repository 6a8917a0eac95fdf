/** Implementation detail of the SDK: no compatibility promise; do not use from application code. */
package org.camunda4j.sdk.internal.tls;
