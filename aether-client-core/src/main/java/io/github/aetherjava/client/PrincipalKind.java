/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

/**
 * The eight principal types a client can connect as.
 *
 * @since 0.1.0
 */
public enum PrincipalKind {
  /** Agent: {@code ag::{ws}::{impl}::{spec}}. */
  AGENT,
  /** Task, unique ({@code tu::}) or non-unique pool worker ({@code ta::}). */
  TASK,
  /** User window: {@code us::{user}::{window}}. */
  USER,
  /** Orchestrator: receives task assignments. */
  ORCHESTRATOR,
  /** Workflow engine (singleton): receives events. */
  WORKFLOW_ENGINE,
  /** Metrics bridge (singleton, receive-only): receives metrics. */
  METRICS_BRIDGE,
  /** Bridge: workspace-less relay {@code br::{impl}::{spec}}. */
  BRIDGE,
  /** Service: workspace-less {@code sv::{impl}::{spec}}. */
  SERVICE
}
