package org.orchestra.territory.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.territory.ImportKind;
import org.orchestra.territory.Territory;
import org.orchestra.territory.TerritoryImports;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Imports of reference geography: start a job from a file, follow its progress, read its report. */
@Controller
@PreAuthorize("hasAuthority('territory.import')")
class TerritoryAdminController {

	private final TerritoryImports imports;
	private final Territory territory;

	TerritoryAdminController(TerritoryImports imports, Territory territory) {
		this.imports = imports;
		this.territory = territory;
	}

	@GetMapping("/territory/admin")
	String admin(Model model) {
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("jobs", imports.jobs());
		model.addAttribute("status", territory.status());
		return "territory/admin";
	}

	@PostMapping("/territory/admin/imports")
	String start(@RequestParam(name = "kind", required = false) ImportKind kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		if (kind == null || file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", kind == null ? "territory.admin.kind-required" : "territory.admin.file-required");
			return admin(model);
		}
		if (file.getSize() > imports.maxSize()) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			model.addAttribute("error", "territory.admin.too-large");
			return admin(model);
		}
		UUID job = imports.start(kind, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
				file.getBytes());
		return "redirect:/territory/admin/imports/" + job;
	}

	@GetMapping("/territory/admin/imports/{id}")
	String job(@PathVariable("id") UUID id, Model model) {
		model.addAttribute("job",
				imports.job(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "territory/job";
	}
}
