/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.sample.plain;

import io.github.aetherjava.client.AetherClientOptions;
import io.github.aetherjava.client.AgentClient;
import io.github.aetherjava.client.admin.AdminClient;
import io.github.aetherjava.client.admin.GatewayHealth;
import io.github.aetherjava.client.admin.SessionDetails;
import io.github.aetherjava.client.audit.AuditEvent;
import io.github.aetherjava.client.audit.AuditQuery;
import io.github.aetherjava.client.audit.AuditRecord;
import io.github.aetherjava.client.audit.AuditSubmission;
import io.github.aetherjava.gateway.embedded.EmbeddedAetherGateway;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Health, audit and administration: an agent checks the gateway's health (the standard gRPC health
 * service plus the version from its handshake), records an audit event, sees a forbidden event type
 * come back as a result rather than an exception, and, as administrator, lists the live sessions
 * and reads its event back from the audit log.
 *
 * <p>Run it from the packaged sample (see {@code sample-app/README.md}):
 *
 * <pre>{@code
 * java -cp sample-app/target/aether-sample-app-0.1.0-SNAPSHOT.jar \
 *     -Dloader.main=io.github.aetherjava.sample.plain.AdminAndAuditExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * }</pre>
 */
public final class AdminAndAuditExample {

  private AdminAndAuditExample() {}

  /**
   * Runs the example against its own embedded gateway (permissive: everyone may administer).
   *
   * @param args ignored
   * @throws Exception if a step fails or times out
   */
  public static void main(String[] args) throws Exception {
    try (EmbeddedAetherGateway gateway = EmbeddedAetherGateway.builder().start()) {
      AetherClientOptions options =
          AetherClientOptions.builder().address(gateway.address()).build();
      try (AgentClient reports =
          AgentClient.builder(options)
              .workspace("demo")
              .implementation("reports")
              .specifier("1")
              .build()) {
        reports.connectBlocking();
        AdminClient admin = reports.admin();

        GatewayHealth health = admin.health().get(5, TimeUnit.SECONDS);
        System.out.println("gateway " + health.serverVersion() + " health: " + health.status());

        AuditSubmission exported =
            reports
                .submitAuditEvent(
                    AuditEvent.of("custom", "report.exported")
                        .resource("report", "r-7")
                        .withMetadata(Map.of("rows", "12")))
                .get(5, TimeUnit.SECONDS);
        System.out.println("audit report.exported accepted: " + exported.accepted());

        AuditSubmission refused =
            reports.submitAuditEvent(AuditEvent.of("acl", "grant")).get(5, TimeUnit.SECONDS);
        System.out.println(
            "audit type 'acl' accepted: " + refused.accepted() + " (" + refused.errorCode() + ")");

        for (SessionDetails s : admin.connections().get(5, TimeUnit.SECONDS)) {
          System.out.println("session " + s.identity() + " in " + s.workspace());
        }
        for (AuditRecord r :
            admin.queryAudit(AuditQuery.ALL.eventType("custom")).get(5, TimeUnit.SECONDS)) {
          System.out.println(
              "audit log: " + r.actorId() + " " + r.operation() + " " + r.resourceId());
        }
      }
    }
    System.out.println("done");
  }
}
