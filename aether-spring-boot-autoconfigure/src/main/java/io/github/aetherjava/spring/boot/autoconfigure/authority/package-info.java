/**
 * Auto-configuration of the authority-grant beans ({@code AuthorityGrants}, {@code
 * AuthorityCache}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.authority;

import org.jspecify.annotations.NullMarked;
