/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.spring.boot.autoconfigure.http.authorization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * On-behalf-of settings of the HTTP calls made over the fabric ({@code AetherHttp}, {@code
 * AetherWebClients}), bound to {@code aether.http.on-behalf-of}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("aether.http.on-behalf-of")
public class AetherOnBehalfOfProperties {

  /**
   * Whether a call made while handling a web request uses the AuthorizationContext stored in that
   * request's attribute AetherAuthorizationResolver.REQUEST_ATTRIBUTE.
   */
  private boolean requestAttribute = true;

  /** Principal type of the fixed subject every call acts for (with subject-id and grant-id). */
  private String subjectType = "user";

  /** Principal id of the fixed subject every call acts for; empty for none. */
  private String subjectId = "";

  /** Authority grant (delegate: this application's client) behind the fixed subject. */
  private String grantId = "";

  public boolean isRequestAttribute() {
    return this.requestAttribute;
  }

  public void setRequestAttribute(boolean requestAttribute) {
    this.requestAttribute = requestAttribute;
  }

  public String getSubjectType() {
    return this.subjectType;
  }

  public void setSubjectType(String subjectType) {
    this.subjectType = subjectType;
  }

  public String getSubjectId() {
    return this.subjectId;
  }

  public void setSubjectId(String subjectId) {
    this.subjectId = subjectId;
  }

  public String getGrantId() {
    return this.grantId;
  }

  public void setGrantId(String grantId) {
    this.grantId = grantId;
  }
}
