// SPDX-License-Identifier: AGPL-3.0-or-later
/* Test code: a shared library that is not a GA/T 626.1 capture library (no LIVESCAN_* functions). */
int tixun_not_a_scanner(int x) {
    return x + 1;
}
