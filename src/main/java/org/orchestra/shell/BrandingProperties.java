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

	BrandingProperties {
		if (!primaryColour.matches("#[0-9a-fA-F]{6}")) {
			throw new IllegalArgumentException("orchestra.shell.branding.primary-colour must be a colour like #1d3f8f");
		}
		if (!logo.matches("/[A-Za-z0-9/._-]+")) {
			throw new IllegalArgumentException("orchestra.shell.branding.logo must be a path served by the platform");
		}
	}

	String name(String language) {
		return switch (language) {
			case "nl" -> nameNl;
			case "en" -> nameEn;
			default -> nameFr;
		};
	}
}
