/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.client.internal;

import io.github.aetherjava.client.InvalidArgumentException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code address}: one {@code host:port}, a comma-separated list of them (instances of a
 * horizontally scaled gateway), a gRPC {@code dns:} target, or {@code in-process:<name>}. Parsing
 * checks every form, so a bad address fails when the options are built, naming the argument.
 */
public final class GatewayTarget {

  /** The forms an address can take. */
  public enum Kind {
    /** {@code in-process:<name>}. */
    IN_PROCESS,
    /** One {@code host:port}. */
    HOST_PORT,
    /** {@code host1:port1,host2:port2,...}. */
    LIST,
    /** {@code dns:///host:port} (or {@code dns://server/host:port}). */
    DNS
  }

  /**
   * One instance.
   *
   * @param host host name or IP literal (without brackets)
   * @param port port
   */
  public record Endpoint(String host, int port) {}

  private static final String IN_PROCESS = "in-process:";
  private static final String DNS = "dns:";

  private final Kind kind;
  private final String address;
  private final List<Endpoint> endpoints;

  private GatewayTarget(Kind kind, String address, List<Endpoint> endpoints) {
    this.kind = kind;
    this.address = address;
    this.endpoints = List.copyOf(endpoints);
  }

  /**
   * @param address the option value
   * @return the parsed target
   * @throws InvalidArgumentException naming {@code address} and what is wrong
   */
  public static GatewayTarget parse(@Nullable String address) {
    if (address == null) {
      throw new InvalidArgumentException("address must not be null");
    }
    if (address.isBlank()) {
      throw new InvalidArgumentException("address must not be empty");
    }
    if (address.startsWith(IN_PROCESS)) {
      if (address.length() == IN_PROCESS.length()) {
        throw new InvalidArgumentException("in-process address needs a name");
      }
      return new GatewayTarget(Kind.IN_PROCESS, address, List.of());
    }
    if (address.startsWith(DNS)) {
      return dns(address);
    }
    if (address.indexOf(',') >= 0) {
      String[] parts = address.split(",", -1);
      List<Endpoint> list = new ArrayList<>(parts.length);
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i].strip();
        if (part.isEmpty()) {
          throw new InvalidArgumentException(
              "address entry " + (i + 1) + " of the list is empty: " + address);
        }
        list.add(endpoint(part, "address entry " + (i + 1) + " must be host:port: " + part));
      }
      return new GatewayTarget(Kind.LIST, address, list);
    }
    return new GatewayTarget(
        Kind.HOST_PORT,
        address,
        List.of(endpoint(address, "address must be host:port or in-process:<name>: " + address)));
  }

  private static GatewayTarget dns(String address) {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new InvalidArgumentException(
          "address is not a valid dns: target (dns:///host:port): " + address);
    }
    String path = uri.getPath();
    if (path == null || !path.startsWith("/") || path.length() == 1) {
      throw new InvalidArgumentException(
          "address must be dns:///host:port (three slashes, then host:port): " + address);
    }
    Endpoint name =
        endpoint(path.substring(1), "address must name a port: dns:///host:port: " + address);
    return new GatewayTarget(Kind.DNS, address, List.of(name));
  }

  private static Endpoint endpoint(String hostPort, String malformed) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new InvalidArgumentException(malformed);
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw new InvalidArgumentException(malformed);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(malformed);
    }
    if (port < 1 || port > 65535) {
      throw new InvalidArgumentException("port out of range: " + hostPort);
    }
    return new Endpoint(host, port);
  }

  /**
   * @return the form
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the address as given
   */
  public String address() {
    return address;
  }

  /**
   * @return the instances ({@link Kind#HOST_PORT}, {@link Kind#LIST}), or the name to resolve
   *     ({@link Kind#DNS}); empty for in-process
   */
  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /**
   * @return the in-process server name
   */
  public String inProcessName() {
    return address.substring(IN_PROCESS.length());
  }
}
