package org.orchestra.shell;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.OrganisationDirectory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: branding, language links, and the account menu. */
@ControllerAdvice
class ShellModel {

	private final BrandingProperties branding;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;

	ShellModel(BrandingProperties branding, CurrentUser currentUser, OrganisationDirectory organisations) {
		this.branding = branding;
		this.currentUser = currentUser;
		this.organisations = organisations;
	}

	@ModelAttribute("shell")
	Shell shell(HttpServletRequest request, Locale locale) {
		String language = LanguageConfiguration.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
		String path = request.getRequestURI();
		String query = request.getQueryString();
		List<Language> languages = LanguageConfiguration.LANGUAGES.stream()
			.map(code -> new Language(code, UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
				.replaceQueryParam(LanguageConfiguration.PARAMETER, code)
				.build()
				.toUriString(), code.equals(language)))
			.toList();
		OrchestraPrincipal principal = currentUser.principal().orElse(null);
		Account account = null;
		if (principal != null) {
			List<Organisation> memberships = principal.memberships()
				.keySet()
				.stream()
				.map(id -> new Organisation(id.value(), organisations.nameOf(id, locale),
						principal.currentOrganisation().map(id::equals).orElse(false)))
				.toList();
			String current = principal.currentOrganisation().map(id -> organisations.nameOf(id, locale)).orElse(null);
			account = new Account(principal.displayName(), current, memberships);
		}
		return new Shell(branding.name(language), branding.primaryColour(), branding.logo(), language, languages,
				account);
	}

	record Shell(String name, String primaryColour, String logo, String language, List<Language> languages,
			@Nullable Account account) {
	}

	record Language(String code, String href, boolean current) {
	}

	record Account(String displayName, @Nullable String organisation, List<Organisation> organisations) {
	}

	record Organisation(String id, String name, boolean current) {
	}
}
