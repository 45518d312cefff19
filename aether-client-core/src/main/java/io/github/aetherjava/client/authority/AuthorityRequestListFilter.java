/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.authority;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.internal.Arguments;
import java.util.ArrayList;
import java.util.List;

/**
 * Which authority requests {@link AuthorityRequests#list} returns. The gateway always lists the
 * requests routed to the caller itself, plus those routed to the capabilities named here (the
 * caller says which it holds). Immutable; {@link #pending()} is the default.
 *
 * @since 0.1.0
 */
public final class AuthorityRequestListFilter {

  private static final AuthorityRequestListFilter PENDING = builder().build();

  private final AuthorityRequestStatus status;
  private final String workspace;
  private final int limit;
  private final int offset;
  private final List<String> matchingCapabilities;

  private AuthorityRequestListFilter(Builder b) {
    this.status = b.status;
    this.workspace = b.workspace;
    this.limit = b.limit;
    this.offset = b.offset;
    this.matchingCapabilities = List.copyOf(b.matchingCapabilities);
  }

  /**
   * @return pending requests routed to the caller
   */
  public static AuthorityRequestListFilter pending() {
    return PENDING;
  }

  /**
   * @return a builder (status {@link AuthorityRequestStatus#PENDING}, no limit)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the status listed
   */
  public AuthorityRequestStatus status() {
    return status;
  }

  /**
   * @return only requests whose workspace scope contains this ("" for any)
   */
  public String workspace() {
    return workspace;
  }

  /**
   * @return most requests returned (0: no limit)
   */
  public int limit() {
    return limit;
  }

  /**
   * @return requests skipped first
   */
  public int offset() {
    return offset;
  }

  /**
   * @return capabilities whose requests are listed too
   */
  public List<String> matchingCapabilities() {
    return matchingCapabilities;
  }

  /**
   * @return the wire form
   */
  public io.github.aetherjava.proto.v1.AuthorityRequestListFilter toProto() {
    return io.github.aetherjava.proto.v1.AuthorityRequestListFilter.newBuilder()
        .setStatus(status.toProto())
        .setWorkspace(workspace)
        .setLimit(limit)
        .setOffset(offset)
        .addAllMatchingCapabilities(matchingCapabilities)
        .build();
  }

  /** Builder of {@link AuthorityRequestListFilter}. */
  public static final class Builder {
    private AuthorityRequestStatus status = AuthorityRequestStatus.PENDING;
    private String workspace = "";
    private int limit;
    private int offset;
    private final List<String> matchingCapabilities = new ArrayList<>();

    private Builder() {}

    /**
     * @param status the status to list
     * @return this
     */
    public Builder status(AuthorityRequestStatus status) {
      Arguments.notNull(status, "status");
      if (status == AuthorityRequestStatus.UNKNOWN) {
        throw new InvalidArgumentException("status must be a known status, was UNKNOWN");
      }
      this.status = status;
      return this;
    }

    /**
     * @param workspace only requests whose workspace scope contains it
     * @return this
     */
    public Builder workspace(String workspace) {
      this.workspace = Arguments.notEmpty(workspace, "workspace");
      return this;
    }

    /**
     * @param limit most requests returned, at least 1
     * @return this
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new InvalidArgumentException("limit must be at least 1, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * @param offset requests to skip, at least 0
     * @return this
     */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new InvalidArgumentException("offset must not be negative, was " + offset);
      }
      this.offset = offset;
      return this;
    }

    /**
     * @param capability a capability the caller holds; requests routed to it are listed too
     * @return this
     */
    public Builder matchingCapability(String capability) {
      this.matchingCapabilities.add(Arguments.notEmpty(capability, "capability"));
      return this;
    }

    /**
     * @return the filter
     */
    public AuthorityRequestListFilter build() {
      return new AuthorityRequestListFilter(this);
    }
  }
}
