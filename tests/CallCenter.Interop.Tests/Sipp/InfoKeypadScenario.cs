using System.Globalization;
using System.Text;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// Writes a sipp caller scenario that dials 100 and presses keys by SIP INFO (RFC 6086) the way common PBXes relay
/// them — <c>Content-Type: application/dtmf-relay</c>, body <c>Signal=K</c> CRLF <c>Duration=160</c> — each after a
/// pause of its own, expecting 200 to each; then it waits for the server to hang up. Its SDP names
/// <c>[rtp_sink_port]</c> (a socket the test holds, to hear the prompts) and offers no telephone-event, so keys can only
/// come by INFO. The pauses depend on the prompts' lengths, so the scenario is written per test.
/// </summary>
public static class InfoKeypadScenario
{
    /// <summary>The scenario XML for <paramref name="presses"/> (pause before the key, key), in order.</summary>
    public static string Render(IReadOnlyList<(TimeSpan PauseBefore, char Key)> presses, TimeSpan releaseLimit)
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="IVR caller pressing keys by SIP INFO">
              <send retrans="500">
                <![CDATA[
                  INVITE sip:100@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "Customer" <sip:0917555@[local_ip]:[local_port]>;tag=[call_number]
                  To: <sip:100@[remote_ip]:[remote_port]>
                  Call-ID: [call_id]
                  CSeq: 1 INVITE
                  Contact: <sip:0917555@[local_ip]:[local_port];transport=[transport]>
                  Max-Forwards: 70
                  Content-Type: application/sdp
                  Content-Length: [len]

                  v=0
                  o=user1 53655765 2353687637 IN IP4 127.0.0.1
                  s=-
                  c=IN IP4 127.0.0.1
                  t=0 0
                  m=audio [rtp_sink_port] RTP/AVP 0
                  a=rtpmap:0 PCMU/8000
                  a=ptime:20
                ]]>
              </send>
              <recv response="100" optional="true"/>
              <recv response="200" rtd="true"/>
              <send>
                <![CDATA[
                  ACK sip:100@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: "Customer" <sip:0917555@[local_ip]:[local_port]>;tag=[call_number]
                  To: <sip:100@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: 1 ACK
                  Contact: <sip:0917555@[local_ip]:[local_port];transport=[transport]>
                  Max-Forwards: 70
                  Content-Length: 0

                ]]>
              </send>

            """);
        var cseq = 2;
        foreach (var (pause, key) in presses)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                  <pause milliseconds="{(int)pause.TotalMilliseconds}"/>
                  <send retrans="500">
                    <![CDATA[
                      INFO sip:100@[remote_ip]:[remote_port] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                      From: "Customer" <sip:0917555@[local_ip]:[local_port]>;tag=[call_number]
                      To: <sip:100@[remote_ip]:[remote_port]>[peer_tag_param]
                      Call-ID: [call_id]
                      CSeq: {cseq} INFO
                      Contact: <sip:0917555@[local_ip]:[local_port];transport=[transport]>
                      Max-Forwards: 70
                      Content-Type: application/dtmf-relay
                      Content-Length: [len]

                      Signal={key}
                      Duration=160
                    ]]>
                  </send>
                  <recv response="200"/>

                """);
            cseq++;
        }

        xml.Append(CultureInfo.InvariantCulture, $"""
              <recv request="BYE" timeout="{(int)releaseLimit.TotalMilliseconds}"/>
              <send>
                <![CDATA[
                  SIP/2.0 200 OK
                  [last_Via:]
                  [last_From:]
                  [last_To:]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Contact: <sip:0917555@[local_ip]:[local_port];transport=[transport]>
                  Content-Length: 0

                ]]>
              </send>
            </scenario>

            """);
        return xml.ToString();
    }
}
