// Rendering of the Liquibase Pro change types (src/render/render_pro.cc).
// render.cc's exhaustive visitor sends every ProChange here; a Pro type
// without an overload below does not compile.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/dialect.h"
#include "strata/model.h"
#include "strata/render.h"
#include "strata/status.h"

namespace strata::render_pro {

// What a Pro renderer needs from the render stage.
struct Context {
  const Dialect& dialect;
  const std::optional<std::string>& default_schema;
  // Liquibase's dbms attribute match for this dialect (render.cc's).
  std::function<bool(const OptString&)> dbms_matches;
};

using Out = std::vector<Statement>;

Status Render(const AddCheckConstraint& c, const Context& ctx, Out* out);
Status Render(const DropCheckConstraint& c, const Context& ctx, Out* out);
Status Render(const EnableCheckConstraint& c, const Context& ctx, Out* out);
Status Render(const DisableCheckConstraint& c, const Context& ctx, Out* out);
Status Render(const CreateFunction& c, const Context& ctx, Out* out);
Status Render(const DropFunction& c, const Context& ctx, Out* out);
Status Render(const CreateTrigger& c, const Context& ctx, Out* out);
Status Render(const DropTrigger& c, const Context& ctx, Out* out);
Status Render(const EnableTrigger& c, const Context& ctx, Out* out);
Status Render(const DisableTrigger& c, const Context& ctx, Out* out);
Status Render(const RenameTrigger& c, const Context& ctx, Out* out);
Status Render(const CreateSynonym& c, const Context& ctx, Out* out);
Status Render(const DropSynonym& c, const Context& ctx, Out* out);
Status Render(const CreatePackage& c, const Context& ctx, Out* out);
Status Render(const CreatePackageBody& c, const Context& ctx, Out* out);
Status Render(const DropPackage& c, const Context& ctx, Out* out);
Status Render(const DropPackageBody& c, const Context& ctx, Out* out);
Status Render(const CreateCompositeType& c, const Context& ctx, Out* out);
Status Render(const DropCompositeType& c, const Context& ctx, Out* out);
Status Render(const AlterCompositeTypeAttributes& c, const Context& ctx, Out* out);
Status Render(const ChangeCompositeTypeOwner& c, const Context& ctx, Out* out);
Status Render(const RenameCompositeType& c, const Context& ctx, Out* out);
Status Render(const RenameCompositeTypeAttribute& c, const Context& ctx, Out* out);

}  // namespace strata::render_pro
