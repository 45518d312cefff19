/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aetherjava.gateway.embedded.ApiKey;
import io.github.aetherjava.proto.v1.ACLGrantRequest;
import io.github.aetherjava.proto.v1.ACLRuleFilter;
import io.github.aetherjava.proto.v1.AgentRegistrationInfo;
import io.github.aetherjava.proto.v1.AgentResourceSchemaEntry;
import io.github.aetherjava.proto.v1.AuditEntry;
import io.github.aetherjava.proto.v1.AuditQuery;
import io.github.aetherjava.proto.v1.PrincipalType;
import io.github.aetherjava.proto.v1.TokenCreateRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token, ACL, agent and audit stores behind the admin components. */
class AdminStoresTest {

  /** A clock tests move by hand. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final StepClock clock = new StepClock();

  @Test
  void tokensKeepOnlyAHashAndAuthenticateUntilRevokedOrExpired() {
    TokenStore tokens = new TokenStore(clock);
    TokenStore.Created c =
        tokens.create(
            TokenCreateRequest.newBuilder()
                .setName("ci")
                .setPrincipalType("Agent")
                .addWorkspacePatterns("prod-*")
                .setExpiresInHours(2)
                .build());
    assertThat(c.plaintext()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(c.info().toString()).doesNotContain(c.plaintext());
    assertThat(c.info().getScopesList()).containsExactly("connect");
    assertThat(c.info().getCreatedBy()).isEqualTo("admin");

    Optional<ApiKey> key = tokens.authenticate(c.plaintext());
    assertThat(key).isPresent();
    assertThat(key.get().principalType()).isEqualTo(PrincipalType.PRINCIPAL_AGENT);
    assertThat(key.get().principalId()).isNull();
    assertThat(key.get().workspacePatterns()).containsExactly("prod-*");
    assertThat(tokens.get(c.info().getId()).orElseThrow().getLastUsedAt()).isPositive();
    assertThat(tokens.authenticate(c.plaintext() + "x")).isEmpty();

    clock.advance(Duration.ofHours(2));
    assertThat(tokens.authenticate(c.plaintext())).isEmpty();

    TokenStore.Created user =
        tokens.create(
            TokenCreateRequest.newBuilder()
                .setName("alice")
                .setPrincipalType("User")
                .setCreatedBy("alice")
                .build());
    assertThat(tokens.authenticate(user.plaintext()).orElseThrow().principalId())
        .isEqualTo("alice");
    assertThat(tokens.revoke(user.info().getId())).isTrue();
    assertThat(tokens.authenticate(user.plaintext())).isEmpty();
    // revoked tokens are listed only on request; expired ones stay listed
    assertThat(tokens.list(false)).extracting(t -> t.getName()).containsExactly("ci");
    assertThat(tokens.list(true)).hasSize(2);
    assertThat(tokens.delete(user.info().getId())).isTrue();
    assertThat(tokens.delete(user.info().getId())).isFalse();
  }

  @Test
  void tokenRequestsAreValidatedWithTheGatewaysTexts() {
    TokenStore tokens = new TokenStore(clock);
    assertThatThrownBy(() -> tokens.create(TokenCreateRequest.newBuilder().build()))
        .hasMessage("name is required");
    assertThatThrownBy(() -> tokens.create(TokenCreateRequest.newBuilder().setName("x").build()))
        .hasMessage("principal_type is required");
    assertThatThrownBy(
            () ->
                tokens.create(
                    TokenCreateRequest.newBuilder().setName("x").setPrincipalType("agent").build()))
        .hasMessageContaining("invalid principal_type");
  }

  @Test
  void aclRulesMatchGlobsHonourExpiryAndFallBack() {
    AclRules acl = new AclRules(clock);
    acl.grant(
        ACLGrantRequest.newBuilder()
            .setPrincipalType("agent")
            .setPrincipalId("ag::ops::console::*")
            .setResourceType("admin")
            .setResourceId("admin/*")
            .setAccessLevel(AclRules.ADMIN)
            .setExpiresAt(clock.instant().plusSeconds(60).getEpochSecond())
            .build());
    assertThat(acl.allows("agent", "ag::ops::console::1", "admin", "admin/tokens", AclRules.ADMIN))
        .isTrue();
    assertThat(acl.allows("Agent", "ag::ops::console::1", "admin", "admin/acl", AclRules.READ))
        .isTrue();
    assertThat(acl.allows("agent", "ag::ops::other::1", "admin", "admin/tokens", AclRules.READ))
        .isFalse();
    assertThat(acl.allows("user", "ag::ops::console::1", "admin", "admin/tokens", AclRules.READ))
        .isFalse();

    clock.advance(Duration.ofSeconds(61));
    assertThat(acl.allows("agent", "ag::ops::console::1", "admin", "admin/tokens", AclRules.READ))
        .isFalse();
    assertThat(
            acl.explain("agent", "ag::ops::console::1", "admin", "admin/tokens", AclRules.READ)
                .getContributions(0)
                .getExpired())
        .isTrue();

    acl.setFallback("user_workspace", AclRules.READ_WRITE, "test");
    assertThat(acl.allows("user", "bob", "workspace", "prod", AclRules.READ_WRITE)).isTrue();
    assertThat(acl.explain("user", "bob", "workspace", "prod", AclRules.READ).getFallbackApplied())
        .isTrue();
    assertThatThrownBy(() -> acl.setFallback("user_workspace", 35, "x"))
        .hasMessage("invalid access level: 35");
  }

  private static ACLGrantRequest rule(
      String type, String id, String resourceType, String resourceId, int level) {
    return ACLGrantRequest.newBuilder()
        .setPrincipalType(type)
        .setPrincipalId(id)
        .setResourceType(resourceType)
        .setResourceId(resourceId)
        .setAccessLevel(level)
        .build();
  }

  @Test
  void theMostSpecificMatchingRuleDecidesAsOnAetherLite() {
    AclRules acl = new AclRules(clock);
    String me = "ag::prod::impl::1";
    acl.grant(rule("agent", "ag::prod::impl::*", "kv_scope", "global", AclRules.ADMIN));
    assertThat(acl.allows("agent", me, "kv_scope", "global", AclRules.READ_WRITE)).isTrue();
    // A wildcard-principal rule on the exact resource outranks the glob rule ...
    acl.grant(rule(AclRules.WILDCARD, "_any_agent", "kv_scope", "global", AclRules.READ));
    assertThat(acl.allows("agent", me, "kv_scope", "global", AclRules.READ_WRITE)).isFalse();
    assertThat(acl.allows("agent", me, "kv_scope", "global", AclRules.READ)).isTrue();
    // ... and the principal's own rule outranks both, also when it grants nothing.
    acl.grant(rule("agent", me, "kv_scope", "global", AclRules.NONE));
    assertThat(acl.allows("agent", me, "kv_scope", "global", AclRules.READ)).isFalse();
    assertThat(
            acl.explain("agent", me, "kv_scope", "global", AclRules.READ).getContributionsCount())
        .isEqualTo(3);
    // Wildcard principals cover only their own type.
    assertThat(acl.allows("service", "sv::x::1", "kv_scope", "global", AclRules.READ)).isFalse();
    // A rule on every resource of a type comes after the exact-resource tiers.
    acl.grant(rule("agent", me, "kv_scope", "*", AclRules.READ_WRITE));
    assertThat(acl.allows("agent", me, "kv_scope", "workspace", AclRules.READ_WRITE)).isTrue();
    assertThat(acl.allows("agent", me, "kv_scope", "global", AclRules.READ)).isFalse();
    // No rule at all: the seeded fallback.
    assertThat(
            acl.explain("task", "ta::x", "kv_scope", "global", AclRules.READ).getFallbackApplied())
        .isTrue();
    assertThat(acl.allows("task", "ta::x", "workspace", "prod", AclRules.READ_WRITE)).isTrue();
  }

  @Test
  void aGrantForTheSamePrincipalAndResourceReplacesTheRule() {
    AclRules acl = new AclRules(clock);
    ACLGrantRequest.Builder g =
        ACLGrantRequest.newBuilder()
            .setPrincipalType("user")
            .setPrincipalId("bob")
            .setResourceType("workspace")
            .setResourceId("prod")
            .setAccessLevel(AclRules.READ);
    String first = acl.grant(g.build()).getRuleId();
    String second = acl.grant(g.setAccessLevel(AclRules.MANAGE).build()).getRuleId();
    assertThat(second).isEqualTo(first);
    assertThat(acl.list(ACLRuleFilter.getDefaultInstance()))
        .singleElement()
        .satisfies(r -> assertThat(r.getAccessLevelName()).isEqualTo("MANAGE"));
    assertThat(acl.revoke("user", "bob", "workspace", "prod")).isTrue();
    assertThat(acl.revoke("user", "bob", "workspace", "prod")).isFalse();
    assertThatThrownBy(() -> acl.grant(g.setPrincipalId("").build()))
        .hasMessageContaining("principal_id");
  }

  @Test
  void agentRegistrationsNeedAProfileAndDistinctResourcePrefixes() {
    AgentRegistry agents = new AgentRegistry(clock);
    AgentRegistrationInfo.Builder a =
        AgentRegistrationInfo.newBuilder()
            .setImplementation("notes")
            .putLaunchParams("profile", "python")
            .addResourceSchema(
                AgentResourceSchemaEntry.newBuilder().setResourceTypePrefix("notes."));
    assertThat(agents.register(a.build()).getOrchestratorProfile()).isEqualTo("python");
    long registered = agents.get("notes").orElseThrow().getRegisteredAt();
    clock.advance(Duration.ofSeconds(5));
    AgentRegistrationInfo again = agents.update(a.setDescription("v2").build());
    assertThat(again.getRegisteredAt()).isEqualTo(registered);
    assertThat(again.getUpdatedAt()).isGreaterThan(registered);

    assertThatThrownBy(
            () ->
                agents.register(AgentRegistrationInfo.newBuilder().setImplementation("x").build()))
        .hasMessage("launch_params must contain 'profile' field");
    assertThatThrownBy(
            () ->
                agents.register(
                    AgentRegistrationInfo.newBuilder()
                        .setImplementation("other")
                        .putLaunchParams("profile", "python")
                        .addResourceSchema(
                            AgentResourceSchemaEntry.newBuilder()
                                .setResourceTypePrefix("notes.private."))
                        .build()))
        .hasMessageStartingWith("ERR_PREFIX_CONFLICT:");
    assertThat(agents.list("python")).hasSize(1);
    assertThat(agents.list("java")).isEmpty();
    assertThat(agents.delete("notes")).isTrue();
  }

  @Test
  void auditQueriesFilterAndPageNewestFirstAndTheLogIsBounded() {
    AuditLog log = new AuditLog(clock);
    for (int i = 0; i < AuditLog.CAPACITY + 5; i++) {
      log.append(
          AuditEntry.newBuilder()
              .setEventType(i % 2 == 0 ? "custom" : "kv")
              .setOperation("op" + i)
              .setWorkspace("prod")
              .setSuccess(i % 3 != 0));
    }
    var page = log.query(AuditQuery.newBuilder().setEventType("custom").setLimit(3).build());
    assertThat(page)
        .extracting(AuditEntry::getOperation)
        .containsExactly(
            "op" + (AuditLog.CAPACITY + 4),
            "op" + (AuditLog.CAPACITY + 2),
            "op" + AuditLog.CAPACITY);
    assertThat(log.query(AuditQuery.newBuilder().setLimit(10_000).build()))
        .hasSize(AuditLog.MAX_LIMIT);
    assertThat(log.query(AuditQuery.getDefaultInstance())).hasSize(AuditLog.DEFAULT_LIMIT);
    assertThat(log.query(AuditQuery.newBuilder().setOnlyFailures(true).setLimit(500).build()))
        .allSatisfy(e -> assertThat(e.getSuccess()).isFalse());
    // the oldest five were dropped
    assertThat(log.query(AuditQuery.newBuilder().setOperation("op4").build())).isEmpty();
    assertThat(log.query(AuditQuery.newBuilder().setOperation("op5").build())).hasSize(1);
  }
}
