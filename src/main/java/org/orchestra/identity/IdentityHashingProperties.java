package org.orchestra.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password hashing settings.
 *
 * @param bcryptStrength log2 of the bcrypt work factor
 */
@ConfigurationProperties("orchestra.identity.hashing")
record IdentityHashingProperties(@DefaultValue("12") int bcryptStrength) {
}
