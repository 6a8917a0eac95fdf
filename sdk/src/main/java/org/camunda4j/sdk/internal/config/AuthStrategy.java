package org.camunda4j.sdk.internal.config;

/** How requests authenticate. */
public enum AuthStrategy {
  NONE,
  BASIC,
  OAUTH
}
