/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one way public methods check their arguments: a bad argument is an {@link
 * InvalidArgumentException} whose message names it. Methods that return a future report it as that
 * future's failure ({@link #check}); other methods throw it.
 */
public final class Arguments {

  private Arguments() {}

  /**
   * @param <T> value type
   * @param value the argument
   * @param name its name
   * @return the value
   * @throws InvalidArgumentException if it is null
   */
  public static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new InvalidArgumentException(name + " must not be null");
    }
    return value;
  }

  /**
   * @param value the argument
   * @param name its name
   * @return the value
   * @throws InvalidArgumentException if it is null or empty
   */
  public static String notEmpty(@Nullable String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new InvalidArgumentException(
          name + " must not be " + (value == null ? "null" : "empty"));
    }
    return value;
  }

  /**
   * @param value the argument
   * @param name its name
   * @return the value
   * @throws InvalidArgumentException if it is null, empty or only whitespace
   */
  public static String notBlank(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidArgumentException(
          name + " must not be " + (value == null ? "null" : "blank"));
    }
    return value;
  }

  /**
   * @param value the argument
   * @param name its name
   * @return the value
   * @throws InvalidArgumentException if it is negative
   */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new InvalidArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * @param value the argument
   * @param name its name
   * @return the value
   * @throws InvalidArgumentException if it is null, zero or negative
   */
  public static Duration positive(@Nullable Duration value, String name) {
    Duration d = notNull(value, name);
    if (d.isZero() || d.isNegative()) {
      throw new InvalidArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /**
   * Runs a method body that validates its arguments first; an {@link InvalidArgumentException}
   * thrown by it becomes the returned future's failure, like every other failure of an asynchronous
   * method.
   *
   * @param <T> value type
   * @param body the method body
   * @return its future, or a future failed with the argument error
   */
  public static <T> CompletableFuture<T> check(Supplier<CompletableFuture<T>> body) {
    try {
      return body.get();
    } catch (InvalidArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
