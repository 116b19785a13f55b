package org.orchestra.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * The organisation on whose behalf the current thread works. Requests get it from the signed-in staff member's
 * chosen organisation; background work sets it explicitly. Tenant-scoped data is only visible and writable
 * within its own organisation's context. The {@linkplain #runAsSystem system context} sees every
 * organisation's data and is reserved for platform jobs.
 */
public final class TenantContext {

	/** Tenant identifier used when no organisation is chosen: matches no tenant-scoped row. */
	public static final String NONE = "-";

	/** Tenant identifier of the platform's own jobs: sees every tenant. */
	public static final String SYSTEM = "*";

	private static final ThreadLocal<@Nullable String> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/** The current organisation, if the thread acts on behalf of one. */
	public static Optional<OrganisationId> current() {
		String value = CURRENT.get();
		return value == null || NONE.equals(value) || SYSTEM.equals(value) ? Optional.empty()
				: Optional.of(new OrganisationId(value));
	}

	/** The current organisation, or an {@link IllegalStateException} when there is none. */
	public static OrganisationId require() {
		return current().orElseThrow(() -> new IllegalStateException("No organisation context"));
	}

	static String identifier() {
		String value = CURRENT.get();
		return value == null ? NONE : value;
	}

	public static void set(@Nullable OrganisationId organisation) {
		if (organisation == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(organisation.value());
		}
	}

	public static void clear() {
		CURRENT.remove();
	}

	public static <T> T callAs(OrganisationId organisation, Callable<T> work) {
		return callWith(organisation.value(), work);
	}

	public static void runAs(OrganisationId organisation, Runnable work) {
		callWith(organisation.value(), () -> {
			work.run();
			return null;
		});
	}

	public static <T> T callAsSystem(Callable<T> work) {
		return callWith(SYSTEM, work);
	}

	public static void runAsSystem(Runnable work) {
		callWith(SYSTEM, () -> {
			work.run();
			return null;
		});
	}

	private static <T> T callWith(String identifier, Callable<T> work) {
		String previous = CURRENT.get();
		CURRENT.set(identifier);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}
}
