package org.orchestra.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Regional branding of the platform's pages.
 *
 * @param nameFr platform name in French
 * @param nameNl platform name in Dutch
 * @param nameEn platform name in English
 * @param primaryColour main colour (CSS), chosen with enough contrast against white text
 * @param logo path of the logo image served by the application
 */
@ConfigurationProperties("orchestra.shell.branding")
record BrandingProperties(@DefaultValue("Orchestra – Région de Bruxelles-Capitale") String nameFr,
		@DefaultValue("Orchestra – Brussels Hoofdstedelijk Gewest") String nameNl,
		@DefaultValue("Orchestra – Brussels-Capital Region") String nameEn,
		@DefaultValue("#1d3f8f") String primaryColour, @DefaultValue("/img/logo.svg") String logo) {

	String name(String language) {
		return switch (language) {
			case "nl" -> nameNl;
			case "en" -> nameEn;
			default -> nameFr;
		};
	}
}
