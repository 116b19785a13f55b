package org.orchestra.identity.web;

import java.util.Locale;
import java.util.UUID;

import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.IdentityException;
import org.orchestra.identity.IdentityManagement;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation administrator manages the members of the organisation they act for, and only that one.
 */
@Controller
@PreAuthorize("hasAuthority('identity.member.manage')")
class MembersController {

	private final IdentityManagement identity;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;

	MembersController(IdentityManagement identity, CurrentUser currentUser, OrganisationDirectory organisations) {
		this.identity = identity;
		this.currentUser = currentUser;
		this.organisations = organisations;
	}

	@GetMapping("/admin/members")
	String members(Model model, Locale locale) {
		OrganisationId organisation = organisation();
		model.addAttribute("organisationName", organisations.nameOf(organisation, locale));
		model.addAttribute("members", identity.members(organisation));
		model.addAttribute("roles", identity.assignableRoles());
		return "identity/members";
	}

	@PostMapping("/admin/members")
	String grant(@RequestParam(name = "username", defaultValue = "") String username,
			@RequestParam(name = "role", defaultValue = "") String role,
			@RequestParam(name = "displayName", defaultValue = "") String displayName,
			@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "password", defaultValue = "") String password, Model model, Locale locale,
			RedirectAttributes redirect) {
		OrganisationId organisation = organisation();
		try {
			if (username.isBlank()) {
				throw new IdentityException("identity.error.invalid-username");
			}
			if (!displayName.isBlank() && identity.findAccount(username.trim()).isEmpty()) {
				identity.createStaffMember(organisation, username, displayName, email, password, role);
			}
			else {
				identity.grant(organisation, username, role);
			}
			redirect.addFlashAttribute("notice", "identity.members.granted-notice");
			return "redirect:/admin/members";
		}
		catch (IdentityException ex) {
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("form", new GrantForm(username, role, displayName, email));
			model.addAttribute("organisationName", organisations.nameOf(organisation, locale));
			model.addAttribute("members", identity.members(organisation));
			model.addAttribute("roles", identity.assignableRoles());
			return "identity/members";
		}
	}

	@PostMapping("/admin/members/{membership}/revoke")
	String revoke(@PathVariable("membership") UUID membership, RedirectAttributes redirect) {
		try {
			identity.revoke(organisation(), membership);
			redirect.addFlashAttribute("notice", "identity.members.revoked");
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("failure", ex.messageKey());
		}
		return "redirect:/admin/members";
	}

	private OrganisationId organisation() {
		return currentUser.organisation().orElseThrow(() -> new AccessDeniedException("No organisation"));
	}

	record GrantForm(String username, String role, String displayName, String email) {
	}
}
