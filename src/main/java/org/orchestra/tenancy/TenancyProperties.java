package org.orchestra.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenancy settings.
 *
 * @param organisations location of the organisations reference file
 */
@ConfigurationProperties("orchestra.tenancy")
record TenancyProperties(@DefaultValue("classpath:tenancy/organisations.csv") String organisations) {
}
