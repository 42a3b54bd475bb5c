// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.signpad.cli;

import org.tixun.signpad.PadProtocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --protocol} values such as {@code isdv4}. */
public final class ProtocolConverter implements ITypeConverter<PadProtocol> {

    @Override
    public PadProtocol convert(String value) {
        try {
            return PadProtocol.fromName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
