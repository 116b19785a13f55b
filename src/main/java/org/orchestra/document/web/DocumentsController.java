package org.orchestra.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.orchestra.document.Document;
import org.orchestra.document.DocumentException;
import org.orchestra.document.DocumentManagement;
import org.orchestra.identity.CurrentUser;
import org.orchestra.identity.OrchestraPrincipal;
import org.orchestra.tenancy.OrganisationDirectory;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The organisation's documents: list, upload, download, and issuing a membership attestation. */
@Controller
class DocumentsController {

	private final DocumentManagement documents;
	private final CurrentUser currentUser;
	private final OrganisationDirectory organisations;

	DocumentsController(DocumentManagement documents, CurrentUser currentUser, OrganisationDirectory organisations) {
		this.documents = documents;
		this.currentUser = currentUser;
		this.organisations = organisations;
	}

	@GetMapping("/documents")
	@PreAuthorize("hasAuthority('document.read')")
	String list(Model model) {
		model.addAttribute("documents", documents.list());
		return "document/list";
	}

	@PostMapping("/documents")
	@PreAuthorize("hasAuthority('document.write')")
	String upload(@RequestParam(name = "title", defaultValue = "") String title,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return listWithError(model, "document.error.file-required", title);
		}
		try {
			try (InputStream in = file.getInputStream()) {
				documents.upload(title, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
			}
			redirect.addFlashAttribute("notice", "document.list.uploaded");
			return "redirect:/documents";
		}
		catch (DocumentException ex) {
			response.setStatus(ex.status());
			return listWithError(model, ex.messageKey(), title);
		}
	}

	@PostMapping("/documents/attestation")
	@PreAuthorize("hasAuthority('document.write')")
	String issueAttestation(Locale locale, RedirectAttributes redirect) {
		OrchestraPrincipal principal = currentUser.principal().orElseThrow();
		OrganisationId organisation = TenantContext.require();
		String organisationName = organisations.nameOf(organisation, locale);
		String roles = String.join(", ", principal.memberships().getOrDefault(organisation, java.util.List.of()));
		Document document = documents.issue(organisationName + " – " + principal.displayName(), "membership-attestation",
				Map.of("person", principal.displayName(), "organisation", organisationName, "roles", roles), locale);
		redirect.addFlashAttribute("notice", "document.list.issued");
		redirect.addFlashAttribute("issuedCode", document.verificationCode());
		return "redirect:/documents";
	}

	@GetMapping("/documents/{id}/content")
	@PreAuthorize("hasAuthority('document.read')")
	ResponseEntity<InputStreamResource> content(@PathVariable("id") UUID id) throws IOException {
		Document document = documents.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(documents.content(document)));
	}

	private String listWithError(Model model, String messageKey, String title) {
		model.addAttribute("error", messageKey);
		model.addAttribute("title", title);
		model.addAttribute("documents", documents.list());
		return "document/list";
	}
}
