package org.orchestra.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orchestra.tenancy.TenantContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the organisation the signed-in staff member acts for into the tenant context for the whole request.
 */
class TenantContextFilter extends OncePerRequestFilter {

	private final CurrentUser currentUser;

	TenantContextFilter(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TenantContext.set(currentUser.organisation().orElse(null));
		try {
			chain.doFilter(request, response);
		}
		finally {
			TenantContext.clear();
		}
	}
}
