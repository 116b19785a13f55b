package org.orchestra.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityException;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own account: profile, memberships, the organisation they act for, password. */
@Controller
class AccountController {

	private final CurrentUser currentUser;
	private final IdentityManagement identity;
	private final OrganisationDirectory organisations;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(CurrentUser currentUser, IdentityManagement identity, OrganisationDirectory organisations) {
		this.currentUser = currentUser;
		this.identity = identity;
		this.organisations = organisations;
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(Model model, Locale locale) {
		OrchestraPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("none"));
		model.addAttribute("principal", principal);
		model.addAttribute("account", identity.findAccount(principal.accountId()).orElseThrow());
		model.addAttribute("memberships", principal.memberships()
			.entrySet()
			.stream()
			.map(e -> new MembershipRow(e.getKey().value(), organisations.nameOf(e.getKey(), locale),
					String.join(", ", e.getValue()),
					principal.currentOrganisation().map(e.getKey()::equals).orElse(false)))
			.toList());
		model.addAttribute("privileges", principal.privileges());
		return "identity/account";
	}

	/** Switches the organisation the staff member acts for; privileges follow. */
	@PostMapping("/account/organisation")
	@PreAuthorize("isAuthenticated()")
	String actFor(@RequestParam("organisation") String organisation, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		OrchestraPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("none"));
		OrganisationId target;
		try {
			target = OrganisationId.of(organisation);
		}
		catch (IllegalArgumentException ex) {
			throw new AccessDeniedException("Unknown organisation");
		}
		if (!principal.memberships().containsKey(target)) {
			throw new AccessDeniedException("Not a member of " + target);
		}
		OrchestraPrincipal switched = principal.actingFor(target);
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(switched, null,
				switched.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("notice", "identity.account.switched");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	@PreAuthorize("hasAuthority('identity.account.self')")
	String changePassword(@RequestParam("current") String current, @RequestParam("password") String password,
			@RequestParam("confirmation") String confirmation, RedirectAttributes redirect) {
		OrchestraPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("none"));
		if (!password.equals(confirmation)) {
			redirect.addFlashAttribute("passwordError", "identity.error.password-mismatch");
			return "redirect:/account#password";
		}
		try {
			identity.changePassword(principal.accountId(), current, password);
			redirect.addFlashAttribute("notice", "identity.account.password-changed");
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("passwordError", ex.messageKey());
		}
		return "redirect:/account#password";
	}

	record MembershipRow(String id, String name, String roles, boolean current) {
	}
}
