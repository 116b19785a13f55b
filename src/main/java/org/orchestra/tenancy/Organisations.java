package org.orchestra.tenancy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Organisations extends JpaRepository<Organisation, String> {

	List<Organisation> findAllByOrderByTypeAscIdAsc();
}
