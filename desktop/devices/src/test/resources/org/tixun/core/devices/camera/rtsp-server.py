#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Test code: a real RTSP server on loopback -- GStreamer's gst-rtsp-server from Debian (gir1.2-gst-rtsp-server-1.0,
python3-gi, gstreamer1.0-plugins-good/-bad) -- streaming an H.264 MP4 clip at rtsp://127.0.0.1:PORT/cam in real time,
RTP interleaved on the RTSP TCP connection only (as a camera behind a firewall).

Usage: rtsp-server.py CLIP.mp4 PORT   (prints READY once it listens)
"""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

Gst.init(None)
clip, port = sys.argv[1], sys.argv[2]
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch('( filesrc location="%s" ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )'
                   % clip)
factory.set_shared(True)
factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
server.get_mount_points().add_factory("/cam", factory)
if server.attach(None) == 0:
    print("FAILED to listen on port " + port, flush=True)
    sys.exit(1)
print("READY", flush=True)
GLib.MainLoop().run()
