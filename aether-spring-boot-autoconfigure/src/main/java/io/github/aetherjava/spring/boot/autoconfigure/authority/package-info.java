/**
 * Auto-configuration of the authority beans ({@code AuthorityGrants}, {@code AuthorityRequests},
 * {@code AuthorityCache}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.aetherjava.spring.boot.autoconfigure.authority;

import org.jspecify.annotations.NullMarked;
