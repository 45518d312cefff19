/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.task;

import java.util.List;

/**
 * One page of {@link TaskOperations#queryTasks}.
 *
 * @param tasks the tasks, newest change first
 * @param totalCount how many tasks the gateway counted (rows in this page on AetherLite)
 * @param nextPageToken token for the next page, empty on the last one
 * @since 0.1.0
 */
public record TaskPage(List<TaskInfo> tasks, int totalCount, String nextPageToken) {

  /** Copies the list. */
  public TaskPage {
    tasks = List.copyOf(tasks);
  }

  /**
   * @return true if there is another page
   */
  public boolean hasNext() {
    return !nextPageToken.isEmpty();
  }
}
