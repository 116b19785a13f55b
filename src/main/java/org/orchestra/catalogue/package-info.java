/**
 * The regional service catalogue: the home page, organised in three pillars and ten business entries, filled
 * by the services that modules contribute.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue")
@org.jspecify.annotations.NullMarked
package org.orchestra.catalogue;
