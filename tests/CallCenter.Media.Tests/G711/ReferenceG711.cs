namespace CallCenter.Media.Tests.G711;

/// <summary>
/// A plain, loop-based G.711 written for the tests only, after the structure of the ITU-T G.191
/// reference software (compress: bias, count the segment bit by bit, complement; expand: rebuild
/// the middle of the interval). It shares no code with the production tables.
/// </summary>
internal static class ReferenceG711
{
    public static byte MuLawCompress(short sample)
    {
        // One's complement of negative samples, 14 significant bits, bias 33, clip to 13 bits.
        int absolute = sample < 0 ? (~sample >> 2) + 33 : (sample >> 2) + 33;
        if (absolute > 0x1FFF)
        {
            absolute = 0x1FFF;
        }

        int segmentNumber = 1;
        for (int rest = absolute >> 6; rest != 0; rest >>= 1)
        {
            segmentNumber++;
        }

        int highNibble = 8 - segmentNumber;
        int lowNibble = 0x0F - ((absolute >> segmentNumber) & 0x0F);
        int code = (highNibble << 4) | lowNibble;
        return (byte)(sample >= 0 ? code | 0x80 : code);
    }

    public static short MuLawExpand(byte code)
    {
        int sign = code < 0x80 ? -1 : 1;
        int complemented = ~code;
        int exponent = (complemented >> 4) & 0x07;
        int segment = exponent + 1;
        int mantissa = complemented & 0x0F;
        int step = 4 << segment;
        return (short)(sign * ((0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33)));
    }

    public static byte ALawCompress(short sample)
    {
        int index = sample < 0 ? ~sample >> 4 : sample >> 4;
        if (index > 15)
        {
            int exponent = 1;
            while (index > 16 + 15)
            {
                index >>= 1;
                exponent++;
            }

            index -= 16;
            index += exponent << 4;
        }

        if (sample >= 0)
        {
            index |= 0x80;
        }

        return (byte)(index ^ 0x55);
    }

    public static short ALawExpand(byte code)
    {
        int index = (code ^ 0x55) & 0x7F;
        int exponent = index >> 4;
        int mantissa = index & 0x0F;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        mantissa = (mantissa << 4) + 8;
        if (exponent > 1)
        {
            mantissa <<= exponent - 1;
        }

        return (short)(code > 127 ? mantissa : -mantissa);
    }
}
