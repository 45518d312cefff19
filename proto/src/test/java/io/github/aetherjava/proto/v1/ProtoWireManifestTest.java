/*
 * Copyright 2026 the aether-java authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.aetherjava.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire contract: every message, field (name, number, type, label), enum value and RPC of
 * the generated descriptors must match the checked-in manifest written from the upstream schema.
 */
class ProtoWireManifestTest {

  private static final String PACKAGE_PREFIX = "aether.v1.";

  @Test
  void generatedDescriptorsMatchTheUpstreamManifest() throws IOException {
    List<String> expected = readManifest();
    List<String> actual = new ArrayList<>();
    describe(AetherProto.getDescriptor(), actual);
    describe(SandboxRelayTunnelProto.getDescriptor(), actual);

    // Compare line by line first so a failure names the first differing element.
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertThat(actual.get(i)).as("manifest line %d", i + 1).isEqualTo(expected.get(i));
    }
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void manifestCoversEveryFieldOfBothFiles() {
    long fields =
        AetherProto.getDescriptor().getMessageTypes().stream()
                .mapToLong(ProtoWireManifestTest::countFields)
                .sum()
            + SandboxRelayTunnelProto.getDescriptor().getMessageTypes().stream()
                .mapToLong(ProtoWireManifestTest::countFields)
                .sum();
    long manifestFields =
        readManifestUnchecked().stream().filter(line -> line.startsWith("field ")).count();
    assertThat(manifestFields).isEqualTo(fields).isGreaterThan(900);
  }

  @Test
  void connectMethodHasTheUpstreamFullName() {
    assertThat(AetherGatewayGrpc.getConnectMethod().getFullMethodName())
        .isEqualTo("aether.v1.AetherGateway/Connect");
    assertThat(AetherGatewayGrpc.getConnectMethod().getType())
        .isEqualTo(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING);
    assertThat(AetherGatewayGrpc.SERVICE_NAME).isEqualTo("aether.v1.AetherGateway");
  }

  @Test
  void theOneJavaRenameKeepsNumberAndType() {
    FieldDescriptor renamed = TaskHibernated.getDescriptor().findFieldByNumber(2);
    assertThat(renamed.getName()).isEqualTo("hibernation_descriptor");
    assertThat(renamed.getMessageType().getFullName()).isEqualTo("aether.v1.HibernationDescriptor");
  }

  private static long countFields(Descriptor message) {
    long own = message.getFields().size();
    for (Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        own += countFields(nested);
      }
    }
    return own;
  }

  private static void describe(FileDescriptor file, List<String> out) {
    for (ServiceDescriptor service : file.getServices()) {
      for (MethodDescriptor method : service.getMethods()) {
        out.add(
            "rpc "
                + service.getFullName()
                + "/"
                + method.getName()
                + " "
                + shortName(method.getInputType().getFullName())
                + " "
                + shortName(method.getOutputType().getFullName())
                + " "
                + method.isClientStreaming()
                + " "
                + method.isServerStreaming());
      }
    }
    for (EnumDescriptor enumType : file.getEnumTypes()) {
      describe(enumType, out);
    }
    for (Descriptor message : file.getMessageTypes()) {
      describe(message, out);
    }
  }

  private static void describe(EnumDescriptor enumType, List<String> out) {
    for (EnumValueDescriptor value : enumType.getValues()) {
      out.add("enum " + enumType.getFullName() + " " + value.getName() + " " + value.getNumber());
    }
  }

  private static void describe(Descriptor message, List<String> out) {
    out.add("message " + message.getFullName());
    for (EnumDescriptor nestedEnum : message.getEnumTypes()) {
      describe(nestedEnum, out);
    }
    for (Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        describe(nested, out);
      }
    }
    for (FieldDescriptor field : message.getFields()) {
      out.add(
          "field "
              + message.getFullName()
              + " "
              + field.getName()
              + " "
              + field.getNumber()
              + " "
              + typeOf(field)
              + " "
              + labelOf(field));
    }
  }

  private static String typeOf(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return "map<"
          + typeOf(entry.findFieldByName("key"))
          + ","
          + typeOf(entry.findFieldByName("value"))
          + ">";
    }
    return switch (field.getType()) {
      case MESSAGE, GROUP -> shortName(field.getMessageType().getFullName());
      case ENUM -> shortName(field.getEnumType().getFullName());
      default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String labelOf(FieldDescriptor field) {
    if (field.isMapField()) {
      return "map";
    }
    if (field.isRepeated()) {
      return "repeated";
    }
    if (field.getRealContainingOneof() != null) {
      return "oneof:" + field.getRealContainingOneof().getName();
    }
    if (field.hasPresence() && field.getContainingOneof() != null) {
      return "optional";
    }
    return "singular";
  }

  private static String shortName(String fullName) {
    return fullName.startsWith(PACKAGE_PREFIX)
        ? fullName.substring(PACKAGE_PREFIX.length())
        : fullName;
  }

  private static List<String> readManifestUnchecked() {
    try {
      return readManifest();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> readManifest() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ProtoWireManifestTest.class.getResourceAsStream("/aether-v1-wire-manifest.txt"),
            "aether-v1-wire-manifest.txt missing from test resources")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
