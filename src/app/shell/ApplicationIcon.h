#pragma once
// The application's icon for title bars and task switchers: the PNG
// renditions of resources/icons/schemadesk.svg compiled into the app.

#include <QIcon>

namespace sd::app {

QIcon applicationIcon();

} // namespace sd::app
