/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import io.github.aetherjava.client.PrincipalRef;
import io.github.aetherjava.client.Registration;
import io.github.aetherjava.client.authority.AuthorityCache;
import io.github.aetherjava.client.authority.AuthorityCacheOptions;
import io.github.aetherjava.client.authority.AuthorityGrant;
import io.github.aetherjava.client.authority.AuthorityGrantException;
import io.github.aetherjava.client.authority.AuthorityGrants;
import io.github.aetherjava.client.authority.BatchExchangeResult;
import io.github.aetherjava.client.authority.GrantRevocation;
import io.github.aetherjava.client.authority.GrantSpec;
import io.github.aetherjava.client.authority.ResolvedAuthority;
import io.github.aetherjava.proto.v1.ACLAuthorityGrantResourceScopeEntry;
import io.github.aetherjava.proto.v1.ACLRenewAuthorityGrantRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantBatchExchangeRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantDeriveForTargetRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantDeriveRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantExchangeRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantInfo;
import io.github.aetherjava.proto.v1.AuthorityGrantListRequest;
import io.github.aetherjava.proto.v1.AuthorityGrantOperation;
import io.github.aetherjava.proto.v1.AuthorityGrantResponse;
import io.github.aetherjava.proto.v1.AuthorityGrantRevocation;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.ResolveAuthorityRequest;
import io.github.aetherjava.proto.v1.ResolveAuthorityResponse;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** {@link AuthorityGrants} over {@link ClientCore#request}. */
public final class AuthorityGrantsImpl implements AuthorityGrants {

  private final ClientCore core;
  private final EventListeners<GrantRevocation> listeners =
      new EventListeners<>("authority revocation");

  /**
   * Registers the responses and the revocation push in the client's route table.
   *
   * @param core connection
   */
  public AuthorityGrantsImpl(ClientCore core) {
    this.core = core;
    core.routes()
        .correlated(
            DownstreamMessage.PayloadCase.AUTHORITY_GRANT,
            m -> m.getAuthorityGrant().getRequestId());
    core.routes()
        .correlated(
            DownstreamMessage.PayloadCase.RESOLVE_AUTHORITY_RESPONSE,
            m -> m.getResolveAuthorityResponse().getRequestId());
    core.routes()
        .ordered(
            DownstreamMessage.PayloadCase.AUTHORITY_GRANT_REVOCATION,
            m -> deliver(m.getAuthorityGrantRevocation()));
  }

  private void deliver(AuthorityGrantRevocation r) {
    GrantRevocation event =
        new GrantRevocation(
            r.getGrantId(),
            r.getRootGrantId(),
            r.getReason(),
            Instant.ofEpochSecond(r.getRevokedAt()),
            r.getCascade());
    listeners.fire(event);
  }

  @Override
  public AuthorityCache newCache(AuthorityCacheOptions options) {
    return new AuthorityCacheImpl(this, options);
  }

  @Override
  public Registration onRevocation(Consumer<GrantRevocation> listener) {
    return listeners.add(listener);
  }

  @Override
  public CompletableFuture<AuthorityGrant> exchange(
      String sourceSessionId, GrantSpec spec, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(sourceSessionId, "sourceSessionId");
          Arguments.notNull(spec, "spec");
          return single(
              "authority.exchange",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.EXCHANGE)
                  .setExchangeRequest(exchangeRequest(sourceSessionId, spec)),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> derive(
      String parentGrantId, PrincipalRef delegate, GrantSpec spec, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(delegate, "delegate");
          Arguments.notNull(spec, "spec");
          requireId(parentGrantId, "parentGrantId");
          AuthorityGrantDeriveRequest.Builder d =
              AuthorityGrantDeriveRequest.newBuilder()
                  .setParentGrantId(parentGrantId)
                  .setDelegate(delegate.toProto())
                  .addAllWorkspaceScope(spec.workspaceScope())
                  .addAllResourceScope(resources(spec.resourceScope()))
                  .addAllOperationScope(spec.operationScope())
                  .setMaxAccessLevel(spec.maxAccessLevel())
                  .setAudienceType(spec.audienceType())
                  .setAudienceId(spec.audienceId())
                  .setValidWhileAudienceActive(spec.validWhileAudienceActive())
                  .setExpiresAt(spec.expiresAt().getEpochSecond())
                  .setRenewableUntil(spec.renewableUntil().getEpochSecond())
                  .setMayDelegate(spec.remainingHops() > 0)
                  .setRemainingHops(spec.remainingHops())
                  .setReason(spec.reason())
                  .putAllMetadata(spec.metadata());
          return single(
              "authority.derive",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.DERIVE)
                  .setDeriveRequest(d),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> deriveForTarget(
      String parentGrantId, PrincipalRef target, GrantSpec spec, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(target, "target");
          Arguments.notNull(spec, "spec");
          requireId(parentGrantId, "parentGrantId");
          AuthorityGrantDeriveForTargetRequest.Builder d =
              AuthorityGrantDeriveForTargetRequest.newBuilder()
                  .setParentGrantId(parentGrantId)
                  .setTarget(target.toProto())
                  .setAudienceType(spec.audienceType())
                  .setAudienceId(spec.audienceId())
                  .addAllOperationScope(spec.operationScope())
                  .setMaxAccessLevel(spec.maxAccessLevel())
                  .setExpiresAt(spec.expiresAt().getEpochSecond())
                  .setRenewableUntil(spec.renewableUntil().getEpochSecond())
                  .setMayDelegate(spec.remainingHops() > 0)
                  .setRemainingHops(spec.remainingHops())
                  .setReason(spec.reason());
          return single(
              "authority.deriveForTarget",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.DERIVE_FOR_TARGET)
                  .setDeriveForTargetRequest(d),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> get(String grantId, Duration timeout) {
    return Arguments.check(
        () -> {
          requireId(grantId, "grantId");
          return single(
              "authority.get",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.GET)
                  .setGrantId(grantId),
              timeout,
              true);
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> renew(
      String grantId, Duration extension, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(extension, "extension");
          requireId(grantId, "grantId");
          if (extension.getSeconds() < 1 || extension.getSeconds() > Integer.MAX_VALUE) {
            throw new InvalidArgumentException(
                "extension must be between 1 second and Integer.MAX_VALUE seconds, got "
                    + extension);
          }
          return single(
              "authority.renew",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.RENEW)
                  .setGrantId(grantId)
                  .setRenewRequest(
                      ACLRenewAuthorityGrantRequest.newBuilder()
                          .setGrantId(grantId)
                          .setExtendSeconds((int) extension.getSeconds())),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<AuthorityGrant> revoke(String grantId, Duration timeout) {
    return Arguments.check(
        () -> {
          requireId(grantId, "grantId");
          return single(
              "authority.revoke",
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.REVOKE)
                  .setGrantId(grantId),
              timeout,
              false);
        });
  }

  @Override
  public CompletableFuture<List<AuthorityGrant>> listMine(
      boolean includeRevoked, Duration timeout) {
    return list(
        "authority.listMine",
        AuthorityGrantOperation.OpType.LIST_MY_GRANTS,
        includeRevoked,
        timeout);
  }

  @Override
  public CompletableFuture<List<AuthorityGrant>> listOnMe(
      boolean includeRevoked, Duration timeout) {
    return list(
        "authority.listOnMe",
        AuthorityGrantOperation.OpType.LIST_GRANTS_ON_ME,
        includeRevoked,
        timeout);
  }

  @Override
  public CompletableFuture<BatchExchangeResult> batchExchange(
      List<String> sourceSessionIds,
      List<GrantSpec> specs,
      boolean stopOnFirstError,
      Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(sourceSessionIds, "sourceSessionIds");
          Arguments.notNull(specs, "specs");
          if (specs.isEmpty() || specs.size() != sourceSessionIds.size()) {
            throw new InvalidArgumentException(
                "specs must be non-empty and as long as sourceSessionIds, got "
                    + specs.size()
                    + " specs and "
                    + sourceSessionIds.size()
                    + " sourceSessionIds");
          }
          AuthorityGrantBatchExchangeRequest.Builder b =
              AuthorityGrantBatchExchangeRequest.newBuilder().setStopOnFirstError(stopOnFirstError);
          for (int i = 0; i < specs.size(); i++) {
            b.addRequests(
                exchangeRequest(
                    Arguments.notNull(sourceSessionIds.get(i), "sourceSessionIds[" + i + "]"),
                    Arguments.notNull(specs.get(i), "specs[" + i + "]")));
          }
          String operation = "authority.batchExchange";
          return call(
              operation,
              AuthorityGrantOperation.newBuilder()
                  .setOp(AuthorityGrantOperation.OpType.BATCH_EXCHANGE)
                  .setBatchExchangeRequest(b),
              timeout,
              false,
              r -> {
                if (!r.getSuccess() && r.getGrantsCount() == 0) {
                  throw new AuthorityGrantException(operation, reasonOf(r.getError()));
                }
                return new BatchExchangeResult(grants(r), r.getError());
              });
        });
  }

  @Override
  public CompletableFuture<ResolvedAuthority> resolve(
      String grantId, PrincipalRef subject, Duration timeout) {
    return Arguments.check(
        () -> {
          Arguments.notNull(subject, "subject");
          requireId(grantId, "grantId");
          Arguments.positive(timeout, "timeout");
          String operation = "authority.resolve";
          String id = core.nextRequestId();
          UpstreamMessage frame =
              UpstreamMessage.newBuilder()
                  .setResolveAuthorityRequest(
                      ResolveAuthorityRequest.newBuilder()
                          .setRequestId(id)
                          .setGrantId(grantId)
                          .setSubject(subject.toProto()))
                  .build();
          return core.request(
              operation,
              id,
              frame,
              timeout,
              true,
              m -> {
                ResolveAuthorityResponse r = m.getResolveAuthorityResponse();
                if (!r.getOk()) {
                  throw new AuthorityGrantException(operation, reasonOf(r.getError()));
                }
                AuthorityGrantInfo g = r.getAuthority().getGrant();
                return new ResolvedAuthority(
                    PrincipalRef.fromProto(r.getAuthority().getActor()),
                    PrincipalRef.fromProto(r.getAuthority().getSubject()),
                    g.getGrantId(),
                    new PrincipalRef(g.getRootSubjectType(), g.getRootSubjectId()),
                    g.getAudienceType(),
                    g.getAudienceId(),
                    g.getMaxAccessLevel(),
                    g.getWorkspaceScopeList(),
                    Instant.ofEpochSecond(g.getExpiresAt()));
              },
              e -> AdminClientImpl.mapError(operation, e),
              core.observe(operation));
        });
  }

  private CompletableFuture<List<AuthorityGrant>> list(
      String operation,
      AuthorityGrantOperation.OpType type,
      boolean includeRevoked,
      Duration timeout) {
    return Arguments.check(
        () ->
            call(
                operation,
                AuthorityGrantOperation.newBuilder()
                    .setOp(type)
                    .setListRequest(
                        AuthorityGrantListRequest.newBuilder().setIncludeRevoked(includeRevoked)),
                timeout,
                true,
                r -> {
                  if (!r.getSuccess()) {
                    throw new AuthorityGrantException(operation, reasonOf(r.getError()));
                  }
                  return grants(r);
                }));
  }

  private CompletableFuture<AuthorityGrant> single(
      String operation, AuthorityGrantOperation.Builder op, Duration timeout, boolean read) {
    return call(
        operation,
        op,
        timeout,
        read,
        r -> {
          if (!r.getSuccess() || !r.hasGrant()) {
            throw new AuthorityGrantException(operation, reasonOf(r.getError()));
          }
          return AuthorityGrant.fromProto(r.getGrant());
        });
  }

  private <T> CompletableFuture<T> call(
      String operation,
      AuthorityGrantOperation.Builder op,
      Duration timeout,
      boolean read,
      Function<AuthorityGrantResponse, T> decode) {
    Arguments.positive(timeout, "timeout");
    String id = core.nextRequestId();
    return core.request(
        operation,
        id,
        UpstreamMessage.newBuilder().setAuthorityGrantOp(op.setRequestId(id)).build(),
        timeout,
        read,
        m -> decode.apply(m.getAuthorityGrant()),
        e -> AdminClientImpl.mapError(operation, e),
        core.observe(operation));
  }

  private static AuthorityGrantExchangeRequest exchangeRequest(
      String sourceSessionId, GrantSpec spec) {
    return AuthorityGrantExchangeRequest.newBuilder()
        .setSourceSessionId(sourceSessionId)
        .addAllWorkspaceScope(spec.workspaceScope())
        .addAllResourceScope(resources(spec.resourceScope()))
        .addAllOperationScope(spec.operationScope())
        .setMaxAccessLevel(spec.maxAccessLevel())
        .setAudienceType(spec.audienceType())
        .setAudienceId(spec.audienceId())
        .setValidWhileAudienceActive(spec.validWhileAudienceActive())
        .setExpiresAt(spec.expiresAt().getEpochSecond())
        .setRenewableUntil(spec.renewableUntil().getEpochSecond())
        .setMayDelegate(spec.remainingHops() > 0)
        .setRemainingHops(spec.remainingHops())
        .setReason(spec.reason())
        .putAllMetadata(spec.metadata())
        .build();
  }

  private static List<ACLAuthorityGrantResourceScopeEntry> resources(
      Map<String, List<String>> scope) {
    List<ACLAuthorityGrantResourceScopeEntry> out = new ArrayList<>();
    scope.forEach(
        (type, patterns) ->
            out.add(
                ACLAuthorityGrantResourceScopeEntry.newBuilder()
                    .setResourceType(type)
                    .addAllPatterns(patterns)
                    .build()));
    return out;
  }

  private static List<AuthorityGrant> grants(AuthorityGrantResponse r) {
    List<AuthorityGrant> out = new ArrayList<>(r.getGrantsCount());
    r.getGrantsList().forEach(g -> out.add(AuthorityGrant.fromProto(g)));
    return List.copyOf(out);
  }

  /** The gateway's error text, or a stand-in when it sent none. */
  static String reasonOf(String error) {
    return error.isEmpty() ? "the gateway gave no reason" : error;
  }

  /** An id argument: not null, not empty, not only whitespace; the message names the argument. */
  static String requireId(@Nullable String value, String name) {
    String id = Arguments.notEmpty(value, name);
    if (id.isBlank()) {
      throw new InvalidArgumentException(name + " must not be blank");
    }
    return id;
  }
}
