using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Tests.Support;

internal static class TestKeys
{
    public static LinkageKey Of(byte fill) => LinkageKey.FromBytes(Enumerable.Repeat(fill, LinkageKey.SizeInBytes).ToArray());
}
