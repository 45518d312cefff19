/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.gateway.embedded.internal;

import io.github.aetherjava.proto.v1.ACLOperation;
import io.github.aetherjava.proto.v1.ACLResponse;
import io.github.aetherjava.proto.v1.ACLRuleFilter;
import io.github.aetherjava.proto.v1.ACLRuleInfo;
import io.github.aetherjava.proto.v1.DownstreamMessage;
import io.github.aetherjava.proto.v1.UpstreamMessage;
import java.util.List;
import java.util.Optional;

/**
 * {@code ACLOperation}: rules, fallback policies and access explanations. Needs {@code admin/acl}
 * (READ for reads, ADMIN for changes); denials and failures are {@code ACLResponse{success:false}}
 * as on the real gateway. Unlike the real gateway, responses echo the request id.
 */
final class AclComponent implements Dispatcher.Component {

  private final AdminGate gate;
  private final AclRules acl;

  AclComponent(AdminGate gate) {
    this.gate = gate;
    this.acl = gate.acl();
  }

  @Override
  public void register(Dispatcher dispatcher) {
    dispatcher.on(UpstreamMessage.PayloadCase.ACL_OP, (s, f) -> handle(s, f.getAclOp()));
  }

  private void handle(Session session, ACLOperation op) {
    ACLResponse.Builder r = ACLResponse.newBuilder().setRequestId(op.getRequestId());
    boolean read =
        switch (op.getOp()) {
          case LIST_RULES, GET_RULE, GET_FALLBACK_POLICY, EXPLAIN_ACCESS -> true;
          default -> false;
        };
    if (!gate.allowsAdmin(session, "acl", read ? AclRules.READ : AclRules.ADMIN)) {
      reply(session, r.setSuccess(false).setError(denial(op)));
      return;
    }
    try {
      switch (op.getOp()) {
        case LIST_RULES -> {
          List<ACLRuleInfo> rules = acl.list(op.getRuleFilter());
          r.setSuccess(true).addAllRules(rules).setTotalRules(rules.size());
        }
        case GET_RULE -> {
          ACLRuleFilter f = op.getRuleFilter();
          Optional<ACLRuleInfo> rule =
              op.getRuleId().isEmpty()
                  ? acl.get(
                      f.getPrincipalType(),
                      f.getPrincipalId(),
                      f.getResourceType(),
                      f.getResourceId())
                  : acl.byId(op.getRuleId());
          rule.ifPresentOrElse(
              x -> r.setSuccess(true).setRule(x),
              () -> r.setSuccess(false).setError("failed to get ACL rule: ACL rule not found"));
        }
        case GRANT -> {
          if (!op.hasGrantRequest()) {
            r.setSuccess(false).setError("grant_request required for GRANT");
          } else {
            r.setSuccess(true)
                .setMessage("ACL access granted")
                .setRule(acl.grant(op.getGrantRequest()));
          }
        }
        case REVOKE -> revoke(op, r);
        case GET_FALLBACK_POLICY ->
            r.setSuccess(true).setFallbackPolicy(acl.fallback(op.getRuleCategory()));
        case SET_FALLBACK_POLICY -> {
          if (!op.hasFallbackRequest()) {
            r.setSuccess(false).setError("fallback_request required for SET_FALLBACK_POLICY");
          } else {
            r.setSuccess(true)
                .setMessage("fallback policy updated successfully")
                .setFallbackPolicy(
                    acl.setFallback(
                        op.getFallbackRequest().getRuleCategory(),
                        op.getFallbackRequest().getFallbackAccessLevel(),
                        op.getFallbackRequest().getUpdatedBy()));
          }
        }
        case EXPLAIN_ACCESS -> {
          if (!op.hasPrincipal()) {
            r.setSuccess(false).setError("principal required for EXPLAIN_ACCESS");
          } else {
            r.setSuccess(true)
                .setExplanation(
                    acl.explain(
                        op.getPrincipal().getPrincipalType(),
                        op.getPrincipal().getPrincipalId(),
                        op.getResourceType(),
                        op.getResourceId(),
                        op.getRequiredLevel()));
          }
        }
        default ->
            r.setSuccess(false)
                .setError(
                    "ACL operation " + op.getOp() + " is not supported by the embedded gateway");
      }
    } catch (IllegalArgumentException e) {
      r.setSuccess(false).setError(e.getMessage());
    }
    reply(session, r);
  }

  private void revoke(ACLOperation op, ACLResponse.Builder r) {
    ACLRuleFilter f = op.getRuleFilter();
    String pt = f.getPrincipalType();
    String pid = f.getPrincipalId();
    String rt = f.getResourceType();
    String rid = f.getResourceId();
    if (!op.getRuleId().isEmpty()
        && pt.isEmpty()
        && pid.isEmpty()
        && rt.isEmpty()
        && rid.isEmpty()) {
      Optional<ACLRuleInfo> rule = acl.byId(op.getRuleId());
      if (rule.isEmpty()) {
        r.setSuccess(false).setError("ACL rule not found for rule_id \"" + op.getRuleId() + "\"");
        return;
      }
      pt = rule.get().getPrincipalType();
      pid = rule.get().getPrincipalId();
      rt = rule.get().getResourceType();
      rid = rule.get().getResourceId();
    }
    if (acl.revoke(pt, pid, rt, rid)) {
      r.setSuccess(true).setMessage("ACL access revoked");
    } else {
      r.setSuccess(false).setError("ACL rule not found");
    }
  }

  private static String denial(ACLOperation op) {
    return switch (op.getOp()) {
      case GET_FALLBACK_POLICY, QUERY_AUDIT -> "this ACL operation requires an admin_acl grant";
      case SET_FALLBACK_POLICY, CLEANUP_EXPIRED, CLEANUP_AUDIT_LOGS ->
          "this ACL operation requires global admin privileges";
      default -> "ACL operations on non-workspace resources require an admin_acl grant";
    };
  }

  private static void reply(Session session, ACLResponse.Builder r) {
    session.send(DownstreamMessage.newBuilder().setAcl(r).build());
  }
}
