// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.services;

/**
 * Work a feature module does each time a data dir's store is opened ({@link CoreServices#open}), found with
 * {@link java.util.ServiceLoader} so the domain module does not depend on the module: e.g. the sync module files the
 * recordings of records sealed before they were filed with their seal. Must be idempotent and cheap when there is
 * nothing to do; a failure is logged and never keeps the store from opening.
 */
public interface StartupTask {

    /** Runs on the freshly opened store. */
    void run(CoreServices core);
}
