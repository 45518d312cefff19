/** Fault, load, bad-input and security tests of the client against the embedded gateway. */
@org.jspecify.annotations.NullMarked
package io.github.aetherjava.reliability;
