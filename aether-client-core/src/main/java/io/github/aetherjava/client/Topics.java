/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client;

import io.github.aetherjava.client.internal.Identifiers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Builders for every topic form. The wire separator is {@code ::} (dotted topics are rejected by
 * the gateway with {@code ERR_INVALID_TOPIC}). Segments are validated with the gateway's identifier
 * rules.
 *
 * @since 0.1.0
 */
public final class Topics {

  /**
   * Most topics remembered as valid. Validation splits and checks every segment, which was about a
   * quarter of the sending thread's CPU; a sender usually sends to a few topics many times.
   */
  private static final int KNOWN_VALID_MAX = 1024;

  private static final Set<String> KNOWN_VALID = ConcurrentHashMap.newKeySet();

  /** Separator between topic segments. */
  public static final String SEPARATOR = "::";

  /** Agent topic prefix. */
  public static final String AGENT = "ag";

  /** Unique task topic prefix. */
  public static final String UNIQUE_TASK = "tu";

  /** Non-unique task instance topic prefix. */
  public static final String TASK = "ta";

  /** Non-unique task broadcast topic prefix. */
  public static final String TASK_BROADCAST = "tb";

  /** User window topic prefix. */
  public static final String USER = "us";

  /** User-in-workspace topic prefix. */
  public static final String USER_WORKSPACE = "uw";

  /** All windows of a user topic prefix. */
  public static final String USER_BROADCAST = "uu";

  /** All agents of a workspace topic prefix. */
  public static final String GLOBAL_AGENTS = "ga";

  /** All users of a workspace topic prefix. */
  public static final String GLOBAL_USERS = "gu";

  /** Progress stream prefix. */
  public static final String PROGRESS = "pg";

  /** Task lane prefix. */
  public static final String TASK_LANE = "tk";

  /** Event prefix (workflow engine). */
  public static final String EVENT = "event";

  /** Metric prefix (metrics bridge). */
  public static final String METRIC = "metric";

  /** Bridge prefix. */
  public static final String BRIDGE = "br";

  /** Service prefix. */
  public static final String SERVICE = "sv";

  /** Every prefix the gateway accepts as a send target. */
  public static final Set<String> PREFIXES =
      Set.of(
          AGENT,
          UNIQUE_TASK,
          TASK,
          TASK_BROADCAST,
          USER,
          USER_WORKSPACE,
          USER_BROADCAST,
          GLOBAL_AGENTS,
          GLOBAL_USERS,
          PROGRESS,
          TASK_LANE,
          EVENT,
          METRIC,
          BRIDGE,
          SERVICE);

  /** Largest topic length the gateway accepts. */
  public static final int MAX_TOPIC_LENGTH = 256;

  private Topics() {}

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier specifier
   * @return {@code ag::{ws}::{impl}::{spec}}
   */
  public static String agent(String workspace, String implementation, String specifier) {
    return join(
        AGENT,
        seg(workspace, "workspace"),
        seg(implementation, "implementation"),
        seg(specifier, "specifier"));
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param specifier unique specifier
   * @return {@code tu::{ws}::{impl}::{spec}}
   */
  public static String uniqueTask(String workspace, String implementation, String specifier) {
    return join(
        UNIQUE_TASK,
        seg(workspace, "workspace"),
        seg(implementation, "implementation"),
        seg(specifier, "specifier"));
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @param id instance id
   * @return {@code ta::{ws}::{impl}::{id}}
   */
  public static String task(String workspace, String implementation, String id) {
    return join(
        TASK, seg(workspace, "workspace"), seg(implementation, "implementation"), seg(id, "id"));
  }

  /**
   * @param workspace workspace
   * @param implementation implementation
   * @return {@code tb::{ws}::{impl}} (every connected non-unique worker of that implementation
   *     receives it)
   */
  public static String taskBroadcast(String workspace, String implementation) {
    return join(TASK_BROADCAST, seg(workspace, "workspace"), seg(implementation, "implementation"));
  }

  /**
   * @param userId user id
   * @param windowId window id
   * @return {@code us::{user}::{window}}
   */
  public static String user(String userId, String windowId) {
    return join(USER, seg(userId, "userId"), seg(windowId, "windowId"));
  }

  /**
   * @param userId user id
   * @param workspace workspace
   * @return {@code uw::{user}::{ws}}
   */
  public static String userWorkspace(String userId, String workspace) {
    return join(USER_WORKSPACE, seg(userId, "userId"), seg(workspace, "workspace"));
  }

  /**
   * @param userId user id
   * @return {@code uu::{user}}
   */
  public static String userBroadcast(String userId) {
    return join(USER_BROADCAST, seg(userId, "userId"));
  }

  /**
   * @param workspace workspace
   * @return {@code ga::{ws}}
   */
  public static String globalAgents(String workspace) {
    return join(GLOBAL_AGENTS, seg(workspace, "workspace"));
  }

  /**
   * @param workspace workspace
   * @return {@code gu::{ws}}
   */
  public static String globalUsers(String workspace) {
    return join(GLOBAL_USERS, seg(workspace, "workspace"));
  }

  /**
   * @param workspace workspace
   * @return {@code pg::{ws}}
   */
  public static String progress(String workspace) {
    return join(PROGRESS, seg(workspace, "workspace"));
  }

  /**
   * @param userId user id
   * @return {@code pg::us::{user}}
   */
  public static String userProgress(String userId) {
    return join(PROGRESS, USER, seg(userId, "userId"));
  }

  /**
   * @param workspace workspace
   * @param taskId task id
   * @return {@code tk::{ws}::{task}::events}
   */
  public static String taskEvents(String workspace, String taskId) {
    return join(TASK_LANE, seg(workspace, "workspace"), seg(taskId, "taskId"), "events");
  }

  /**
   * @param workspace workspace
   * @param taskId task id
   * @return {@code tk::{ws}::{task}::msg}
   */
  public static String taskMessages(String workspace, String taskId) {
    return join(TASK_LANE, seg(workspace, "workspace"), seg(taskId, "taskId"), "msg");
  }

  /**
   * @return {@code event::*} (events in the sender's workspace)
   */
  public static String eventWildcard() {
    return EVENT + SEPARATOR + "*";
  }

  /**
   * Events declared for a workspace. The segment is a workspace, not an event type: put the event
   * type in the payload.
   *
   * @param workspace target workspace (cross-workspace needs {@code capability/event_broadcast})
   * @return {@code event::{ws}}
   */
  public static String event(String workspace) {
    return join(EVENT, seg(workspace, "workspace"));
  }

  /**
   * @return {@code metric::*} (metrics in the sender's workspace)
   */
  public static String metricWildcard() {
    return METRIC + SEPARATOR + "*";
  }

  /**
   * @param workspace target workspace (the segment is a workspace, not a metric name)
   * @return {@code metric::{ws}}
   */
  public static String metric(String workspace) {
    return join(METRIC, seg(workspace, "workspace"));
  }

  /**
   * @param implementation implementation
   * @param specifier specifier
   * @return {@code br::{impl}::{spec}}
   */
  public static String bridge(String implementation, String specifier) {
    return join(BRIDGE, seg(implementation, "implementation"), seg(specifier, "specifier"));
  }

  /**
   * @param implementation implementation
   * @param specifier specifier
   * @return {@code sv::{impl}::{spec}}
   */
  public static String service(String implementation, String specifier) {
    return join(SERVICE, seg(implementation, "implementation"), seg(specifier, "specifier"));
  }

  /**
   * @param implementation implementation
   * @return {@code sv::{impl}}: the gateway picks one healthy instance
   */
  public static String anyService(String implementation) {
    return join(SERVICE, seg(implementation, "implementation"));
  }

  /**
   * @param topic a topic
   * @return the text before the first {@code ::}, or the empty string
   */
  public static String prefixOf(String topic) {
    int i = topic.indexOf(SEPARATOR);
    return i < 0 ? "" : topic.substring(0, i);
  }

  /**
   * Checks a send target segment by segment, with the gateway's identity rules: 1–256 characters; a
   * known prefix; the number of segments that prefix takes ({@code ag}, {@code tu}, {@code ta}: 4;
   * {@code tb}, {@code us}, {@code uw}, {@code br}: 3; {@code uu}, {@code ga}, {@code gu}: 2;
   * {@code pg}: 2, or 3 as {@code pg::us::{user}}; {@code tk}: 4 ending in {@code events} or {@code
   * msg}; {@code event}, {@code metric}: 2, the second may be {@code *}; {@code sv}: 3, or 2 for
   * any instance); and every segment non-empty, at most 128 bytes, without {@code *}, {@code >},
   * whitespace or control characters.
   *
   * @param topic the topic
   * @return the topic
   * @throws InvalidArgumentException naming the topic and the offending segment
   */
  public static String validate(@Nullable String topic) {
    if (topic == null) {
      throw new InvalidArgumentException("topic must not be null");
    }
    if (KNOWN_VALID.contains(topic)) {
      return topic;
    }
    if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
      throw new InvalidArgumentException(
          "topic length must be 1-" + MAX_TOPIC_LENGTH + ": " + topic);
    }
    String prefix = prefixOf(topic);
    if (!PREFIXES.contains(prefix)) {
      throw new InvalidArgumentException(
          "topic has an invalid prefix (topics use '::', e.g. ag::ws::impl::spec): " + topic);
    }
    String[] parts = topic.split(SEPARATOR, -1);
    int n = parts.length;
    boolean countOk =
        switch (prefix) {
          case AGENT, UNIQUE_TASK, TASK -> n == 4;
          case TASK_BROADCAST, USER, USER_WORKSPACE, BRIDGE -> n == 3;
          case USER_BROADCAST, GLOBAL_AGENTS, GLOBAL_USERS, EVENT, METRIC -> n == 2;
          case PROGRESS -> n == 2 || (n == 3 && USER.equals(parts[1]));
          case TASK_LANE -> n == 4 && ("events".equals(parts[3]) || "msg".equals(parts[3]));
          case SERVICE -> n == 2 || n == 3;
          default -> false;
        };
    if (!countOk) {
      throw new InvalidArgumentException(
          "topic '"
              + topic
              + "' has "
              + n
              + " segments, which is not a valid "
              + prefix
              + ":: topic");
    }
    for (int i = 1; i < n; i++) {
      boolean wildcard = i == 1 && (EVENT.equals(prefix) || METRIC.equals(prefix));
      if (!(wildcard && "*".equals(parts[i]))) {
        Identifiers.validate(parts[i], "topic '" + topic + "' segment " + (i + 1));
      }
    }
    if (KNOWN_VALID.size() < KNOWN_VALID_MAX) {
      KNOWN_VALID.add(topic);
    }
    return topic;
  }

  private static String seg(String value, String name) {
    return Identifiers.validate(value, name);
  }

  private static String join(String... parts) {
    return String.join(SEPARATOR, parts);
  }
}
