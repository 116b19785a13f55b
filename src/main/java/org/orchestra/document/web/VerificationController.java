package org.orchestra.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.orchestra.document.DocumentManagement;
import org.orchestra.document.IssuedDocument;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification of issued documents: anyone with the code printed on a document sees who issued it and
 * when, and may check that a file is exactly that document.
 */
@Controller
class VerificationController {

	private final DocumentManagement documents;
	private final OrganisationDirectory organisations;

	VerificationController(DocumentManagement documents, OrganisationDirectory organisations) {
		this.documents = documents;
		this.organisations = organisations;
	}

	@GetMapping("/verify")
	String verify(@RequestParam(name = "code", required = false) @Nullable String code, Model model, Locale locale,
			HttpServletResponse response) {
		model.addAttribute("code", code == null ? "" : code);
		if (code != null && !code.isBlank()) {
			lookup(code, model, locale, response);
		}
		return "document/verify";
	}

	@PostMapping("/verify")
	String compare(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		model.addAttribute("code", code);
		IssuedDocument issued = lookup(code, model, locale, response);
		if (issued != null) {
			if (file == null || file.isEmpty()) {
				response.setStatus(400);
				model.addAttribute("fileError", "document.verify.file-required");
			}
			else {
				try (InputStream in = file.getInputStream()) {
					model.addAttribute("fileMatches", documents.matches(issued, in));
				}
			}
		}
		return "document/verify";
	}

	private @Nullable IssuedDocument lookup(String code, Model model, Locale locale, HttpServletResponse response) {
		IssuedDocument issued = documents.verify(code).orElse(null);
		if (issued == null) {
			response.setStatus(404);
			model.addAttribute("notFound", true);
			return null;
		}
		model.addAttribute("issued", issued);
		model.addAttribute("issuer", organisations.nameOf(OrganisationId.of(issued.organisationId()), locale));
		return issued;
	}
}
